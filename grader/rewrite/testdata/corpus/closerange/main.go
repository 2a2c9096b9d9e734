package main

import (
	"fmt"
)

func main() {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 1; i <= 5; i++ {
			ch <- i * i
		}
	}()
	sum := 0
	for v := range ch {
		fmt.Println("got", v)
		sum += v
	}
	fmt.Println("sum", sum)
}
