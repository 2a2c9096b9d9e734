// Package rlockwriter: a read path that takes the read lock twice; a writer that
// arrives in between blocks the second RLock, and itself waits for the first.
package rlockwriter

import "sync"

type Config struct {
	mu   sync.RWMutex
	vals map[string]string
}

func (c *Config) Get(k string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if v, ok := c.vals[k]; ok {
		return v
	}
	return c.Default() // takes the read lock again
}

func (c *Config) Default() string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.vals["default"]
}

func (c *Config) Set(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.vals[k] = v
}
