// Package ctxcancel: the first worker to find the answer stores it and
// cancels the context; the caller reads it once Done is closed.
package ctxcancel

import (
	"context"
	"sync"
)

func Search(items []int, want int) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	found := -1
	var once sync.Once
	for i, v := range items {
		go func() {
			select {
			case <-ctx.Done():
				return
			default:
			}
			if v == want {
				once.Do(func() {
					found = i
					cancel()
				})
			}
		}()
	}
	<-ctx.Done()
	if ctx.Err() == nil {
		return -2
	}
	return found
}
