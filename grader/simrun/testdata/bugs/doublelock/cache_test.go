package doublelock

import (
	"sync"
	"testing"
)

func TestBug(t *testing.T) {
	var c Cache
	var wg sync.WaitGroup
	wg.Go(func() {
		c.Set("k", -1) // a transient bad value, fixed at once
		c.Set("k", 1)
	})
	wg.Go(func() {
		c.Get("k")
		c.Get("k")
	})
	wg.Wait()
}
