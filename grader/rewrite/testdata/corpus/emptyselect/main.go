package main

import (
	"fmt"
)

func block() int {
	select {}
}

func pick(c chan int) int {
	select {
	case v := <-c:
		return v
	}
}

func main() {
	c := make(chan int, 1)
	c <- 5
	fmt.Println(pick(c))
	if false {
		block()
	}
	fmt.Println("done")
}
