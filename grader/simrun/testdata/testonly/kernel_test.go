// Package kernel is a folder of test files only, as bug kernels often are: two
// goroutines take two locks in opposite orders.
package kernel

import (
	"sync"
	"testing"
)

func TestOppositeOrders(t *testing.T) {
	var a, b sync.Mutex
	var wg sync.WaitGroup
	wg.Go(func() {
		a.Lock()
		b.Lock()
		b.Unlock()
		a.Unlock()
	})
	wg.Go(func() {
		b.Lock()
		a.Lock()
		a.Unlock()
		b.Unlock()
	})
	wg.Wait()
}
