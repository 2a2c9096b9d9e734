// Command cas-max keeps the largest value seen by several goroutines, with
// a compare-and-swap loop instead of a lock.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// raise makes m at least v.
func raise(m *atomic.Int64, v int64) {
	for {
		old := m.Load()
		if v <= old {
			return // already as large
		}
		if m.CompareAndSwap(old, v) {
			return // m was still old, and is now v
		}
		// another goroutine changed m after our Load: try again
	}
}

func main() {
	var largest atomic.Int64
	var wg sync.WaitGroup
	for _, v := range []int64{17, 4, 42, 23, 8} {
		wg.Go(func() { raise(&largest, v) })
	}
	wg.Wait()
	fmt.Println("largest:", largest.Load())
}
