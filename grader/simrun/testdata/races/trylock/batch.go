// Package trylock: a batcher that counts what it could not add, without the
// lock, on the path where TryLock fails: only when another goroutine holds
// the lock at that very moment, which a real run rarely catches.
package trylock

import "sync"

type Batch struct {
	mu      sync.Mutex
	items   []int
	dropped int
	seen    int
}

func (b *Batch) Add(v int) {
	if b.mu.TryLock() {
		b.items = append(b.items, v)
		b.seen = len(b.items) + b.dropped // read under the lock...
		b.mu.Unlock()
		return
	}
	b.dropped++ // ... written without it
}

func Fill() int {
	var b Batch
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b.Add(i)
		}()
	}
	wg.Wait()
	return b.seen
}
