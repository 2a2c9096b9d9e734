// Package counter: hits counted by workers with a plain ++.
package counter

import "sync"

// Count runs n workers that each count one hit.
func Count(n int) int {
	hits := 0
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hits++
		}()
	}
	wg.Wait()
	return hits
}
