// Command steady-rate feeds a reader that needs two ticks per value from a
// writer that produces one value per tick, with a small and a large
// buffer. The large buffer lets the writer finish sooner; the reader, and
// so the whole job, finishes at the same moment either way.
package main

import (
	"fmt"
	"time"
)

const tick = 100 * time.Millisecond

// A clock counts whole ticks since it started. Sleeping to the next tick
// mark, rather than for a tick, keeps small delays of the real machine
// from adding up over a run.
type clock struct{ start time.Time }

func (c clock) now() int { return int(time.Since(c.start).Round(tick) / tick) }

func (c clock) sleep(n int) { time.Sleep(time.Until(c.start.Add(time.Duration(c.now()+n) * tick))) }

func run(capacity int) (writerDone, readerDone int) {
	c := clock{time.Now()}
	ch := make(chan int, capacity)
	done := make(chan struct{})
	go func() {
		for range ch {
			c.sleep(2) // the reader is the slow stage
		}
		close(done)
	}()
	for v := range 6 {
		c.sleep(1) // the writer makes a value
		ch <- v
	}
	writerDone = c.now()
	close(ch)
	<-done
	return writerDone, c.now()
}

func main() {
	for _, c := range []int{1, 10} {
		w, r := run(c)
		fmt.Printf("capacity %2d: writer done at tick %2d, reader done at tick %d\n", c, w, r)
	}
}
