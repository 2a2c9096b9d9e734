package main

import (
	"fmt"
)

func main() {
	ticks := make(chan int)
	quit := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			ticks <- i
		}
		quit <- true
	}()
	n := 0
loop:
	for {
		select {
		case t := <-ticks:
			fmt.Println("tick", t)
			n++
		case <-quit:
			break loop
		}
	}
	fmt.Println("ticks", n)
	c := make(chan int, 1)
	c <- 1
sel:
	select {
	case v := <-c:
		if v == 1 {
			break sel
		}
		fmt.Println("not reached")
	}
	fmt.Println("after labelled select")
}
