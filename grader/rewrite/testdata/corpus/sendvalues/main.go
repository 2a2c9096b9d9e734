package main

import (
	"fmt"
	"io"
)

type point struct{ x, y int }

func main() {
	f := make(chan float64, 2)
	f <- 1
	f <- 2.5
	fmt.Println(<-f + <-f)
	a := make(chan any, 3)
	a <- nil
	a <- 3
	a <- point{1, 2}
	fmt.Println(<-a, <-a, <-a)
	s := make(chan []int, 1)
	s <- []int{1, 2}
	fmt.Println(<-s)
	e := make(chan error, 1)
	e <- fmt.Errorf("wrapped: %w", io.EOF)
	fmt.Println(<-e)
}
