package main

import "fmt"

type counter struct{ n int }

func (c *counter) add(k int) { c.n += k }
func (c counter) show()      { fmt.Println(c.n) }

func work(id int, f float64, name string, done chan<- bool) int {
	fmt.Println(id, f, name)
	done <- true
	return id
}

func apply[T any](x T, f func(T)) { f(x) }

func variadic(prefix string, xs ...int) { fmt.Println(prefix, xs) }

type flag bool

func report(b flag, n int64) { fmt.Println(b, n) }

func next() int { return 1 }

func main() {
	done := make(chan bool, 10)
	c := &counter{}
	i := 0
	go work(next(), 2, "a", done)
	go c.add(1)
	go c.show()
	go func(x int) {
		fmt.Println(x)
	}(i)
	go func() {
		fmt.Println("closure")
	}()
	go apply(3, func(x int) {})
	go apply[string]("s", func(string) {})
	go variadic("v", 1, 2)
	xs := []int{1}
	go variadic("w", xs...)
	go report(i == 0, 1<<i)
	fn := func(int, string) {}
	go fn(
		next(),
		"multi",
	)
	go fmt.Println("go fmt", i)
	go close(done)
	go println()
	go (c.show)()
}
