// Command cache guards a map with a sync.RWMutex: many goroutines read it
// at the same time, and a write takes it alone.
package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu sync.RWMutex
	m  map[string]string
}

// Get takes a read lock: any number of Gets may hold it together.
func (c *Cache) Get(key string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[key]
	return v, ok
}

// Set takes the write lock: it waits until no reader and no writer holds it.
func (c *Cache) Set(key, value string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key] = value
}

func main() {
	c := &Cache{m: map[string]string{}}
	c.Set("go", "gopher")

	var wg sync.WaitGroup
	found := make([]bool, 8)
	for i := range found {
		wg.Go(func() {
			_, found[i] = c.Get("go") // eight readers at once
		})
	}
	wg.Go(func() { c.Set("rust", "crab") }) // one writer among them
	wg.Wait()

	n := 0
	for _, ok := range found {
		if ok {
			n++
		}
	}
	fmt.Println("readers that found go:", n, "of", len(found))
	v, _ := c.Get("rust")
	fmt.Println("rust:", v)
}
