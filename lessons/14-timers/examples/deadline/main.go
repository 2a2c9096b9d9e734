// Command deadline reads messages that arrive every 300ms, first with a
// timeout per message, then with one deadline for the whole loop.
package main

import (
	"fmt"
	"time"
)

// messages sends n messages, one every 300ms, then closes its channel.
func messages(n int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 1; i <= n; i++ {
			time.Sleep(300 * time.Millisecond)
			ch <- i
		}
	}()
	return ch
}

// perMessage gives up after a silence of limit: time.After starts a new
// timer every time round, so each message starts the wait again.
func perMessage(in <-chan int, limit time.Duration) int {
	got := 0
	for {
		select {
		case _, ok := <-in:
			if !ok {
				return got
			}
			got++
		case <-time.After(limit):
			return got
		}
	}
}

// wholeLoop gives up limit after it started: one timer, made before the
// loop, is shared by every pass.
func wholeLoop(in <-chan int, limit time.Duration) int {
	deadline := time.NewTimer(limit)
	defer deadline.Stop() // not needed for memory since Go 1.23, but says "done"
	got := 0
	for {
		select {
		case _, ok := <-in:
			if !ok {
				return got
			}
			got++
		case <-deadline.C:
			return got
		}
	}
}

func main() {
	const limit = 1050 * time.Millisecond
	fmt.Println("timeout per message: got", perMessage(messages(6), limit), "of 6")
	in := messages(6)
	fmt.Println("one deadline:        got", wholeLoop(in, limit), "of 6")
	for range in { // let the producer finish
	}
}
