// Command slow-reader reads a ticker of 100ms with a loop that needs 250ms
// for each tick. It prints the time each tick it got carries: the ticker
// keeps at most one tick waiting for the reader and drops the rest.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for i := 1; i <= 5; i++ {
		tick := <-t.C
		fmt.Printf("tick %d carries %v\n", i, tick.Sub(start).Round(time.Millisecond))
		time.Sleep(250 * time.Millisecond) // the work for this tick: slower than the ticker
	}
}
