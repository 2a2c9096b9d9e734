// Package counter: hits counted by workers under a mutex.
package counter

import "sync"

// Count runs n workers that each count one hit.
func Count(n int) int {
	var mu sync.Mutex
	hits := 0
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			hits++
			mu.Unlock()
		}()
	}
	wg.Wait()
	return hits
}
