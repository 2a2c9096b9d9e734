// Command counter increments a shared counter from two goroutines, each
// increment in a critical section guarded by a sync.Mutex.
package main

import (
	"fmt"
	"sync"
)

// Counter is safe to use from several goroutines: every access to n holds mu.
type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock() // runs when Inc returns, even if it panics
	c.n++
}

func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func main() {
	var c Counter
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			c.Inc()
			c.Inc()
		})
	}
	wg.Wait()
	fmt.Println("count:", c.Value())
}
