// Package rlockwrite: a memoising cache that fills its map while holding only
// the read lock.
package rlockwrite

import "sync"

type Cache struct {
	mu sync.RWMutex
	m  map[int]int
}

func (c *Cache) Get(k int) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[k]
	if !ok {
		v = k * k
		c.m[k] = v // a write under the read lock
	}
	return v
}

func Lookups() int {
	c := &Cache{m: map[int]int{}}
	var wg sync.WaitGroup
	sum := make([]int, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum[i] = c.Get(i + 1)
		}()
	}
	wg.Wait()
	return sum[0] + sum[1]
}
