// Command add-inside calls Add inside the goroutines it waits for. Wait
// usually looks at the counter before any goroutine has run its Add, sees
// zero, and returns at once: most runs print a count below 10.
//
// go vet does not complain: its check looks for Add in the func literal of
// a go statement, not in a method that the goroutine calls.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type counter struct {
	wg sync.WaitGroup
	n  atomic.Int64
}

func (c *counter) work() {
	c.wg.Add(1) // too late: this runs in the new goroutine
	defer c.wg.Done()
	c.n.Add(1)
}

func main() {
	var c counter
	for range 10 {
		go c.work()
	}
	c.wg.Wait()
	fmt.Println("counted", c.n.Load(), "of 10")
}
