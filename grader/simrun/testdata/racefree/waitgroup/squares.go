// Package waitgroup: each worker writes its own element; the caller reads
// them all once Wait has returned.
package waitgroup

import "sync"

func Squares(n int) []int {
	out := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = (i + 1) * (i + 1)
		}()
	}
	wg.Wait()
	return out
}
