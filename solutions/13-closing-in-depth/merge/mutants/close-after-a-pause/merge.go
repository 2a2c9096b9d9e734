// Mutant: closes out after a pause of a second instead of after the last
// forwarder: a guess at when the inputs end.
// Package merge is about fan-in: many channels merged into one, each value
// passed on as soon as it arrives, and the merged channel closed once.
package merge

import (
	"sync"
	"time"
)

// Merge returns a channel that carries every value received from every
// input. Each value is passed on as soon as it is received, whatever the
// other inputs are doing; the values of one input come out in the order
// they were sent. The returned channel is closed once every input is
// closed and all their values have been passed on, and not before.
//
// Every goroutine Merge starts must end once the inputs are closed and the
// returned channel has been drained.
func Merge[T any](inputs ...<-chan T) <-chan T {
	out := make(chan T)
	var wg sync.WaitGroup
	for _, in := range inputs {
		wg.Go(func() { // a forwarder per input: nobody waits behind anybody
			for v := range in {
				out <- v
			}
		})
	}
	go func() {
		time.Sleep(time.Second) // "the inputs are done by then"
		close(out)
	}()
	return out
}
