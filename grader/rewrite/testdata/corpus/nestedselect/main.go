package main

import (
	"fmt"
)

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	a <- 1
	select {
	case v := <-a:
		select {
		case b <- v + 1:
			fmt.Println("forwarded", v)
		default:
			fmt.Println("b full")
		}
	default:
		fmt.Println("a empty")
	}
	select {
	case v := <-b:
		fmt.Println("b has", v)
	}
}
