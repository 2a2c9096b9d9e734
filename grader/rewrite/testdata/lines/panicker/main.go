package main

import "fmt"

func work(id int, in <-chan int, out chan<- string) {
	for v := range in {
		select {
		case out <- fmt.Sprint(id, v):
		default:
			var m map[string]int
			m["boom"] = v // PANIC HERE
		}
	}
}

func main() {
	in := make(chan int)
	out := make(chan string)
	go work(
		1,
		in,
		out,
	)
	in <- 1
	fmt.Println("unreachable")
}
