package main

import (
	"fmt"
)

func producer(out chan<- int, n int) {
	for i := 0; i < n; i++ {
		out <- i
	}
	close(out)
}

func consumer(in <-chan int, done chan<- int) {
	total := 0
	for v := range in {
		total += v
	}
	done <- total
}

func split() (chan<- int, <-chan int) {
	c := make(chan int, 1)
	return c, c
}

func main() {
	c := make(chan int)
	done := make(chan int)
	go producer(c, 5)
	go consumer(c, done)
	fmt.Println(<-done)
	w, r := split()
	w <- 9
	fmt.Println(<-r)
}
