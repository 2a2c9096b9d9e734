// Package main shows channel types wherever they may appear.
package main

type Pipe chan int

type Gen[T any] chan T

type Stage struct {
	in   <-chan int
	out  chan<- int
	errs map[string]chan error
	all  []chan chan int
	fn   func(chan int) <-chan int
}

type Box[T any] struct{ v T }

func source(n int) <-chan int {
	ch := make(chan int, n)
	for i := 0; i < n; i++ {
		ch <- i
	}
	close(ch)
	return ch
}

func pass(in <-chan int, out chan<- int) (chan<- int, <-chan int) { return out, in }

func main() {
	var nilch chan int
	var p Pipe = make(Pipe, 1)
	var g Gen[string] = make(chan string)
	var b Box[chan int]
	var any1 any = p
	if c, ok := any1.(Pipe); ok {
		_ = c
	}
	switch any1.(type) {
	case chan string, <-chan bool:
	}
	np := new(chan int)
	conv := (<-chan int)(nilch)
	lit := []chan int{make(chan int), nil}
	s := Stage{in: source(2), errs: map[string]chan error{}}
	_, _, _, _, _, _, _ = g, b, np, conv, lit, s, chan (<-chan int)(nil)
}
