// Command bucket lets a burst of three requests through at once, then one
// per tick: a token bucket made of a buffered channel, filled at the start
// and refilled by a ticker.
package main

import (
	"fmt"
	"time"
)

func main() {
	const burst = 3
	tokens := make(chan struct{}, burst)
	for range burst {
		tokens <- struct{}{} // start full
	}

	stop := make(chan struct{})
	refilled := make(chan struct{})
	go func() { // the refill
		defer close(refilled)
		ticker := time.NewTicker(200 * time.Millisecond)
		defer ticker.Stop()
		for {
			select {
			case <-ticker.C:
				select {
				case tokens <- struct{}{}: // one more token, if there is room
				default: // full: the tick is lost
				}
			case <-stop:
				return
			}
		}
	}()

	start := time.Now()
	for i := 1; i <= 6; i++ {
		<-tokens // take a token, or wait for one
		fmt.Println(time.Since(start).Round(100*time.Millisecond), "request", i)
	}
	close(stop)
	<-refilled
}
