package main

import (
	"fmt"
)

func main() {
	ch := make(chan int, 1)
	for i := 0; i < 4; i++ {
		select {
		case ch <- i:
			fmt.Println("sent", i)
		default:
			fmt.Println("full at", i)
			fmt.Println("drained", <-ch)
		}
	}
	select {
	case v := <-ch:
		fmt.Println("left", v)
	default:
		fmt.Println("empty")
	}
	select {
	case v := <-ch:
		fmt.Println("left", v)
	default:
		fmt.Println("empty")
	}
}
