// Package ctxleak: a fetch that gives up when its context ends, and leaves the
// worker blocked on an unbuffered result channel.
package ctxleak

import (
	"context"
	"time"
)

func Fetch(ctx context.Context) (string, bool) {
	result := make(chan string)
	go func() {
		time.Sleep(10 * time.Millisecond)
		result <- "data"
	}()
	select {
	case r := <-result:
		return r, true
	case <-ctx.Done():
		return "", false
	}
}
