// Mutant: keeps closing out when ctx is done, and makes every sender
// recover from the "send on closed channel" panic. The panic is gone, but
// a send and a close that nothing orders are still a data race.
package closeaftercancel

import (
	"context"
	"sync"
)

// Fetch calls fetch for every url, each in its own goroutine, and sends the
// results on the returned channel, which is closed when every fetch has been
// handed over or ctx is done.
func Fetch(ctx context.Context, urls []string, fetch func(ctx context.Context, url string) string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Go(func() {
			defer func() { recover() }() // "a late send is harmless"
			r := fetch(ctx, u)
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
