// Command reply-channel is the smallest owner there is: one goroutine keeps
// a running total, and each request brings its own channel for the answer.
package main

import "fmt"

type request struct {
	n     int
	reply chan int // where the owner sends the answer to THIS request
}

func main() {
	requests := make(chan request)
	go func() { // the owner of total
		total := 0
		for r := range requests {
			total += r.n
			r.reply <- total
		}
	}()

	for _, n := range []int{5, 7} {
		reply := make(chan int, 1)
		requests <- request{n, reply}
		fmt.Println("added", n, "- total", <-reply)
	}
	close(requests)
}
