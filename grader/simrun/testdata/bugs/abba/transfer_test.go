package abba

import (
	"sync"
	"testing"
)

func TestBug(t *testing.T) {
	a, b := &Account{balance: 10}, &Account{balance: 10}
	var wg sync.WaitGroup
	wg.Go(func() { Transfer(a, b, 1) })
	wg.Go(func() { Transfer(b, a, 1) })
	wg.Wait()
}
