package main

import (
	"fmt"
)

func main() {
	done := make(chan struct{})
	results := make(chan int)
	go func() {
		defer close(results)
		for i := 0; ; i++ {
			select {
			case results <- i:
			case <-done:
				return
			}
		}
	}()
	for v := range results {
		if v == 4 {
			close(done)
			break
		}
		fmt.Println(v)
	}
	for range results {
	}
	fmt.Println("stopped")
}
