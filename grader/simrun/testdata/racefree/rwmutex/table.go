// Package rwmutex: readers under RLock, a writer under Lock.
package rwmutex

import "sync"

type Table struct {
	mu sync.RWMutex
	m  map[string]int
}

func (t *Table) Get(k string) int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.m[k]
}

func (t *Table) Set(k string, v int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.m[k] = v
}

func Run() int {
	t := &Table{m: map[string]int{"a": 1}}
	var wg sync.WaitGroup
	sums := make([]int, 3)
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i == 0 {
				t.Set("a", 2)
			}
			sums[i] = t.Get("a")
		}()
	}
	wg.Wait()
	return sums[0]
}
