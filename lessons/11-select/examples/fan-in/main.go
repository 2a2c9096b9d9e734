// Command fan-in reads two producers' channels in one loop until both are
// closed. A closed channel is switched off by setting its variable to nil.
package main

import "fmt"

func produce(name string, n int) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out) // the producer closes: it knows when it is done
		for i := 1; i <= n; i++ {
			out <- fmt.Sprint(name, i)
		}
	}()
	return out
}

func main() {
	a, b := produce("a", 3), produce("b", 2)
	got := map[string][]string{}
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil // closed: a receive from nil blocks, so this case is off
				continue
			}
			got["a"] = append(got["a"], v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			got["b"] = append(got["b"], v)
		}
	}
	fmt.Println("from a:", got["a"])
	fmt.Println("from b:", got["b"])
	fmt.Println("both closed, loop over")
}
