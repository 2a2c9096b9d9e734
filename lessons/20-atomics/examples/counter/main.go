// Command counter counts from two goroutines with an atomic.Int64: each Add
// reads, adds and writes in one indivisible step, so no increment is lost
// and no lock is needed.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var hits atomic.Int64 // the zero value is 0, ready to use
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			hits.Add(1)
			hits.Add(1)
		})
	}
	wg.Wait()
	fmt.Println("hits:", hits.Load())
}
