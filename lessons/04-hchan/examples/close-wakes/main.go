// Command close-wakes closes two channels that goroutines are using: three
// receivers of quit and one sender on jobs. A receiver parked when close
// comes wakes with the zero value and ok == false; the parked sender wakes
// too, and panics. Nothing here makes sure they have parked by then: one
// that comes later finds the channel closed and gets the same result at
// once, so the output is the same either way.
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
			v, ok := <-quit // parks in quit's recvq, unless quit is already closed
			zeros <- fmt.Sprint(v, " ", ok)
		})
	}

	jobs := make(chan int)
	panicked := make(chan any)
	go func() {
		defer func() { panicked <- recover() }()
		jobs <- 42 // parks in jobs' sendq (nobody receives), unless jobs is already closed
	}()

	close(quit) // wakes the receivers parked in quit's recvq
	wg.Wait()
	for range 3 {
		fmt.Println("receiver woke with", <-zeros)
	}

	close(jobs) // wakes the sender if it is parked; either way, it panics
	fmt.Println("sender:", <-panicked)
}
