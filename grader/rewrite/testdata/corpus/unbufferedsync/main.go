package main

import (
	"fmt"
)

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			v := <-ch
			fmt.Println("received", v)
			done <- true
		}
	}()
	for i := 0; i < 3; i++ {
		ch <- i
		<-done
		fmt.Println("after send", i)
	}
}
