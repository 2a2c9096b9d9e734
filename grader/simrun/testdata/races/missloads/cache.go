// Package missloads: a cache that counts its loads without the lock, on the
// miss path only. Two goroutines miss the same key together only when one
// runs between the other's lookup and its store, so a real run rarely
// takes that path.
package missloads

import "sync"

type Cache struct {
	mu    sync.Mutex
	m     map[string]string
	Loads int
}

func (c *Cache) Get(k string) string {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = "value of " + k
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
	c.Loads++ // only a miss counts, and without the lock
	return v
}

func Twice() int {
	c := &Cache{m: map[string]string{}}
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Get("k")
		}()
	}
	wg.Wait()
	return c.Loads
}
