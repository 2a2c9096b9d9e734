package main

import (
	"fmt"
)

func main() {
	sem := make(chan struct{}, 2)
	done := make(chan bool)
	active, maxActive := make(chan int, 1), 0
	active <- 0
	for i := 0; i < 6; i++ {
		go func() {
			sem <- struct{}{}
			n := <-active + 1
			if n > maxActive {
				maxActive = n
			}
			active <- n
			n = <-active - 1
			active <- n
			<-sem
			done <- true
		}()
	}
	for i := 0; i < 6; i++ {
		<-done
	}
	fmt.Println("max within limit:", maxActive <= 2 && maxActive >= 1)
}
