// Command backpressure merges two producers for a slow consumer. Every
// channel is unbuffered, so a producer that is ready early waits in line,
// and the merged channel closes only when the last producer is done.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	at := func() time.Duration { return time.Since(start).Round(100 * time.Millisecond) }

	a, b := make(chan string), make(chan string)
	go func() { // a1 at 100ms, a2 at 200ms
		defer close(a)
		time.Sleep(100 * time.Millisecond)
		a <- "a1"
		time.Sleep(100 * time.Millisecond)
		a <- "a2"
	}()
	go func() { // b1 at 250ms
		defer close(b)
		time.Sleep(250 * time.Millisecond)
		b <- "b1"
	}()

	out := make(chan string)
	var wg sync.WaitGroup
	for _, in := range []chan string{a, b} {
		wg.Go(func() {
			for v := range in {
				out <- v // waits until the consumer takes it
			}
		})
	}
	go func() { wg.Wait(); close(out) }()

	for v := range out {
		fmt.Println(at(), "got", v)
		time.Sleep(300 * time.Millisecond) // a slow consumer
	}
	fmt.Println(at(), "out is closed")
}
