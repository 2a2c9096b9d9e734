package main

import (
	"fmt"
)

type Pipe chan string

type Stream[T any] chan T

func fill(p Pipe, words ...string) {
	for _, w := range words {
		p <- w
	}
	close(p)
}

func main() {
	p := make(Pipe, 3)
	fill(p, "a", "b")
	for w := range p {
		fmt.Println(w)
	}
	s := make(Stream[int], 1)
	s <- 5
	fmt.Println(<-s, cap(s))
	var any1 interface{} = p
	_, ok := any1.(Pipe)
	fmt.Println(ok)
}
