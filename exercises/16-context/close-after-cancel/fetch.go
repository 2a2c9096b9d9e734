// Package closeaftercancel is about what a cancel does not do: stop the
// goroutines at once.
package closeaftercancel

import (
	"context"
	"sync"
)

// Fetch calls fetch(ctx, u) for every url, each in a goroutine of its
// own, and sends the results on the returned channel as they come. fetch
// returns early when ctx is done.
//
// The caller receives from the channel until it is closed; it may cancel
// ctx at any time before (and then a result still on its way may or may
// not be sent). The channel is closed once nothing more can be sent on
// it: when every goroutine Fetch started has ended. After ctx is done,
// that is soon, since each of them also waits for ctx.Done().
//
// As shipped, Fetch usually works. On some schedules it panics with "send
// on closed channel".
func Fetch(ctx context.Context, urls []string, fetch func(ctx context.Context, url string) string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Go(func() {
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
		// TODO: "when ctx is done, nobody will send any more, so close at
		// once". Is that true? What does cancel do to the goroutines
		// above, and when?
		select {
		case <-allSent:
		case <-ctx.Done():
		}
		close(out)
	}()
	return out
}
