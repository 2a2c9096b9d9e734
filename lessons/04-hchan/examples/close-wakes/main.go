// Command close-wakes parks three receivers and a sender on channels, then
// closes them. Every parked receiver wakes with the zero value and ok ==
// false; the parked sender wakes too, and panics.
package main

import (
	"fmt"
	"sync"
)

func main() {
	quit := make(chan int)
	var wg sync.WaitGroup
	zeros := make(chan string, 3)
	for range 3 {
		wg.Go(func() {
			v, ok := <-quit // parks in quit's recvq
			zeros <- fmt.Sprint(v, " ", ok)
		})
	}

	jobs := make(chan int)
	panicked := make(chan any)
	go func() {
		defer func() { panicked <- recover() }()
		jobs <- 42 // parks in jobs' sendq: nobody receives
	}()

	close(quit) // wakes all three receivers
	wg.Wait()
	for range 3 {
		fmt.Println("receiver woke with", <-zeros)
	}

	close(jobs) // wakes the parked sender, which panics
	fmt.Println("sender:", <-panicked)
}
