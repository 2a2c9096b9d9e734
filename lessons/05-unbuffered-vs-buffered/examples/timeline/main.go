// Command timeline sends four values to a reader that needs one tick
// (200ms) for each, over channels of capacity 0, 1 and 3, and prints when
// each send completes. The times are rounded to whole ticks.
package main

import (
	"fmt"
	"time"
)

const tick = 200 * time.Millisecond

// A clock counts whole ticks since it started. Sleeping to the next tick
// mark, rather than for a tick, keeps small delays of the real machine
// from adding up over a run.
type clock struct{ start time.Time }

func (c clock) now() int { return int(time.Since(c.start).Round(tick) / tick) }

func (c clock) sleep(n int) { time.Sleep(time.Until(c.start.Add(time.Duration(c.now()+n) * tick))) }

// run makes a channel of the given capacity, starts a reader that takes a
// tick per value, and returns, in ticks, when each of four sends completed.
func run(capacity int) []int {
	c := clock{time.Now()}
	ch := make(chan int, capacity)
	done := make(chan struct{})
	go func() {
		for range ch {
			c.sleep(1) // the reader's work on one value
		}
		close(done)
	}()

	var times []int
	for v := range 4 {
		ch <- v
		times = append(times, c.now())
	}
	close(ch)
	<-done
	return times
}

func main() {
	for _, c := range []int{0, 1, 3} {
		fmt.Printf("capacity %d: sends complete at ticks %v\n", c, run(c))
	}
}
