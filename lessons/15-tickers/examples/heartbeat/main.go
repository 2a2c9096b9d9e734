// Command heartbeat runs a goroutine that beats every 100ms until main
// tells it to stop, and then reports how many beats it made.
package main

import (
	"fmt"
	"time"
)

// beat sends a heartbeat every period until stop is closed. When it
// returns it sends how many beats it made on count.
func beat(period time.Duration, stop <-chan struct{}, count chan<- int) {
	t := time.NewTicker(period)
	defer t.Stop() // the ticker belongs to this goroutine: it stops it
	n := 0
	for {
		select {
		case <-t.C:
			n++
			fmt.Println("beat", n)
		case <-stop:
			count <- n
			return
		}
	}
}

func main() {
	stop := make(chan struct{})
	count := make(chan int)
	go beat(100*time.Millisecond, stop, count)

	time.Sleep(350 * time.Millisecond)
	close(stop)                              // ask the goroutine to end...
	fmt.Println("it made", <-count, "beats") // ...and wait until it has
}
