// Mutant: keeps the close on ctx.Done(), and makes each goroutine look at
// ctx.Err() before it sends. The window is smaller, but a cancel can still
// come between the look and the select: send on closed channel.
package closeaftercancel

import (
	"context"
	"sync"
)

// Fetch calls fetch(ctx, u) for every url and sends the results.
func Fetch(ctx context.Context, urls []string, fetch func(ctx context.Context, url string) string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Go(func() {
			r := fetch(ctx, u)
			if ctx.Err() != nil {
				return // cancelled: out is closed, or about to be
			}
			select {
			case out <- r:
			case <-ctx.Done():
			}
		})
	}
	go func() {
		allSent := make(chan struct{})
		go func() {
			wg.Wait()
			close(allSent)
		}()
		select {
		case <-allSent:
		case <-ctx.Done():
		}
		close(out)
	}()
	return out
}
