package main

import (
	"fmt"
)

type request struct {
	n     int
	reply chan int
}

func server(reqs <-chan request) {
	for r := range reqs {
		r.reply <- r.n * 10
	}
}

func main() {
	reqs := make(chan request)
	go server(reqs)
	for i := 1; i <= 3; i++ {
		r := request{n: i, reply: make(chan int)}
		reqs <- r
		fmt.Println(<-r.reply)
	}
	close(reqs)
	replies := make(chan chan string, 1)
	replies <- make(chan string, 1)
	c := <-replies
	c <- "nested"
	fmt.Println(<-c)
}
