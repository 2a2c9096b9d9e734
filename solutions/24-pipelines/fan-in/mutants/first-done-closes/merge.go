// Mutant: the forwarder whose input runs dry first closes the output, while
// the others may still be forwarding: values are lost, or a send on the
// closed channel panics.

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
	var once sync.Once
	if len(ins) == 0 {
		close(out)
	}
	for _, in := range ins {
		go func() { // one forwarder per input
			defer once.Do(func() { close(out) })
			for {
				select {
				case v, ok := <-in:
					if !ok {
						return
					}
					select {
					case out <- v:
					case <-ctx.Done():
						return
					}
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	return out
}
