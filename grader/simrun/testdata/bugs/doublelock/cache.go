// Package doublelock: a cache whose error path returns without unlocking.
package doublelock

import (
	"errors"
	"sync"
)

type Cache struct {
	mu   sync.Mutex
	vals map[string]int
}

func (c *Cache) Set(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.vals == nil {
		c.vals = map[string]int{}
	}
	c.vals[k] = v
}

// Get returns the value of k; a negative value is an error, and that path forgets
// to unlock.
func (c *Cache) Get(k string) (int, error) {
	c.mu.Lock()
	v := c.vals[k]
	if v < 0 {
		return 0, errors.New("negative value")
	}
	c.mu.Unlock()
	return v, nil
}
