// Command lost-update increments an atomic counter with a Load and then a
// Store. Each of the two is atomic, so the race detector is silent; but
// between them another goroutine can store, and its increment is lost.
//
// Its output is not fixed: it prints less than 1000000 when goroutines
// really run at the same moment, and exactly 1000000 when they happen not
// to. Neither result says anything about whether the program is right.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n atomic.Int64
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			for range 100_000 {
				n.Store(n.Load() + 1) // two atomic steps, not one
			}
		})
	}
	wg.Wait()
	fmt.Println("n:", n.Load())
}
