// Mutant: never parks on the send: a select with a default drops the
// square whenever the consumer is not ready at that very moment.
// Package unguardedsend is one stage of a pipeline that must stop when the
// pipeline is cancelled, wherever it is at that moment.
package unguardedsend

import "context"

// Square is a stage: it receives numbers from in and sends their squares,
// in order, on the channel it returns. It closes that channel when in is
// closed and drained.
//
// When ctx is done, Square stops at once and closes its output, whether it
// is waiting for a number or waiting to hand one on. The consumer at the
// end of a pipeline cancels ctx when it wants no more values, and then
// stops reading: no goroutine of the pipeline may be left behind, parked
// for ever.
func Square(ctx context.Context, in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for {
			select {
			case <-ctx.Done():
				return
			case v, ok := <-in:
				if !ok {
					return
				}
				// The send waits for a receiver OR for the cancel,
				// whichever comes first.
				select {
				case out <- v * v:
				default: // the consumer is busy: drop it
				}
			}
		}
	}()
	return out
}
