package rlockwriter

import (
	"sync"
	"testing"
)

func TestBug(t *testing.T) {
	c := &Config{vals: map[string]string{"default": "d"}}
	var wg sync.WaitGroup
	wg.Go(func() { c.Get("missing") })
	wg.Go(func() { c.Set("x", "y") })
	wg.Wait()
}
