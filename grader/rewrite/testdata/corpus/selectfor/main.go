package main

import (
	"fmt"
)

func main() {
	evens := make(chan int)
	odds := make(chan int)
	quit := make(chan struct{})
	go func() {
		for i := 0; i < 6; i++ {
			if i%2 == 0 {
				evens <- i
			} else {
				odds <- i
			}
		}
		close(quit)
	}()
	sumE, sumO := 0, 0
	for {
		select {
		case v := <-evens:
			sumE += v
			continue
		case v := <-odds:
			sumO += v
		case <-quit:
			fmt.Println(sumE, sumO)
			return
		}
	}
}
