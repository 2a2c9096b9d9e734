// Mutant: looks at quit (without waiting) just before the send, and then
// sends unconditionally. When quit is closed between the look and the
// send, the send waits for ever: the window is smaller, but it is there.
package sampler

import "time"

// Sample calls read once every period and sends each value on the
// returned channel, until stop is called.
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
				select {
				case <-quit:
					return
				default:
				}
				out <- v
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
