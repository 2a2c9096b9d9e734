package main

import (
	"fmt"
)

func main() {
	ch := make(chan int, 10)
	for i := 0; i < 10; i++ {
		ch <- i
	}
	close(ch)
	for v := range ch {
		if v == 3 {
			break
		}
		if v%2 == 0 {
			continue
		}
		fmt.Println("odd", v)
	}
	fmt.Println("left", len(ch))
	count := 0
	for range ch {
		count++
	}
	fmt.Println("counted", count)
}
