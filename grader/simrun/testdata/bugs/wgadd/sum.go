// Package wgadd: WaitGroup.Add inside the goroutine, so Wait may return early.
package wgadd

import (
	"sync"
	"sync/atomic"
)

func Sum(nums []int) int64 {
	var total atomic.Int64
	var wg sync.WaitGroup
	for _, n := range nums {
		go func() {
			wg.Add(1)
			defer wg.Done()
			total.Add(int64(n))
		}()
	}
	wg.Wait()
	return total.Load()
}
