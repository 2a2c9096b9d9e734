// Package appendworkers: workers append their results to one slice.
package appendworkers

import "sync"

func Squares(n int) []int {
	var out []int
	var wg sync.WaitGroup
	for i := 1; i <= n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			out = append(out, i*i)
		}(i)
	}
	wg.Wait()
	return out
}
