// Mutant: stop closes quit and returns at once, without waiting for the
// sampling goroutine to end: it may still be reading, or about to.
// Package sampler is about a goroutine that works on every tick of a
// ticker and must stop when it is told to, whatever it is doing then.
package sampler

import "time"

// Sample calls read once every period, on a ticker, and sends each value
// it reads on the returned channel, until stop is called.
//
// The caller reads values for as long as it likes, then stops reading
// and calls stop, once. stop returns only when the goroutine Sample
// started has ended; it returns at once, without waiting for a tick. A
// value that was read but not yet received when stop was called is
// thrown away.
func Sample(period time.Duration, read func() int) (values <-chan int, stop func()) {
	out := make(chan int)
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				v := read()
				// The send is a second place to wait: it must listen to
				// quit too, or a reader that has stopped reading leaves
				// this goroutine parked here for ever.
				select {
				case out <- v:
				case <-quit:
					return
				}
			case <-quit:
				return
			}
		}
	}()
	stop = func() {
		close(quit)
	}
	return out, stop
}
