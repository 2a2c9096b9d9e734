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
//
// As shipped, stop usually works. The tests stop the sampler at the very
// moment a tick is due, and on some schedules stop never returns.
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
				// TODO: this goroutine can wait in two places. Here it
				// waits for the ticker or for quit; where else?
				out <- read()
			case <-quit:
				return
			}
		}
	}()
	stop = func() {
		close(quit)
		<-done
	}
	return out, stop
}
