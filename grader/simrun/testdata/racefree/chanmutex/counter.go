// Package chanmutex: a buffered channel of capacity 1 used as a lock. It is
// race-free only by the memory model's k+C rule: the kth receive (a release)
// happens before the (k+1)th send (an acquire) completes.
package chanmutex

import "sync"

func Count(n int) int {
	lock := make(chan struct{}, 1)
	hits := 0
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lock <- struct{}{}
			hits++
			<-lock
		}()
	}
	wg.Wait()
	return hits
}
