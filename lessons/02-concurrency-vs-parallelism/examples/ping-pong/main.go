// Command ping-pong runs two goroutines that take turns, with a single P.
// Both are in progress the whole time, yet only one runs at any moment:
// concurrency without parallelism.
package main

import (
	"fmt"
	"runtime"
)

func player(name string, in <-chan int, out chan<- int, done chan<- struct{}) {
	for ball := range in {
		fmt.Println(name, ball)
		if ball == 6 {
			close(out)
			break
		}
		out <- ball + 1
	}
	done <- struct{}{}
}

func main() {
	runtime.GOMAXPROCS(1) // one P: at most one goroutine runs Go code at a time

	toPing, toPong := make(chan int), make(chan int)
	done := make(chan struct{})
	go player("ping", toPing, toPong, done)
	go player("pong", toPong, toPing, done)

	toPing <- 1 // serve
	<-done
	<-done
}
