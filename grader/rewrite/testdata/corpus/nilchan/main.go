package main

import (
	"fmt"
)

func main() {
	var never chan int
	data := make(chan int, 1)
	data <- 42
	select {
	case v := <-never:
		fmt.Println("impossible", v)
	case never <- 1:
		fmt.Println("impossible send")
	case v := <-data:
		fmt.Println("data", v)
	}
	fmt.Println(len(never), cap(never), never == nil)
}
