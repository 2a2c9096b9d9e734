// Mutant: watches ctx while waiting for input, but sends without a select:
// once the consumer has cancelled and gone, a forwarder holding a value is
// parked on the send for ever.

// Package fanin joins the outputs of several stages into one channel.
package fanin

import (
	"context"
	"sync"
)

// Merge forwards every value from every channel in ins to the one channel
// it returns, as values arrive, whichever input they come from. The values
// of each input keep their order.
//
// The output is closed once every input is closed and drained, and not
// before: a consumer ranging over it sees every value. With no inputs at
// all it is closed at once.
//
// When ctx is done, Merge stops forwarding and closes the output soon
// after, even if the consumer has stopped reading and the inputs are still
// open: no goroutine started by Merge may be left behind.
func Merge(ctx context.Context, ins ...<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	for _, in := range ins {
		wg.Go(func() { // one forwarder per input
			for {
				select {
				case v, ok := <-in:
					if !ok {
						return
					}
					out <- v
				case <-ctx.Done():
					return
				}
			}
		})
	}
	// Many senders: the close belongs to a goroutine that waits for all.
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}
