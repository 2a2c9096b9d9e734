// Mutant: the non-blocking receive ignores ok, so a closed channel keeps
// "giving" zeros that end up in the last batch.
// Package batch is about taking everything that is ready, and nothing
// more, from a channel.
package batch

// Batch reads the values of in and sends them on the channel it returns,
// in order, grouped in batches of at most max values.
//
// A batch starts when a value arrives: Batch waits for it. Then it adds to
// the batch every further value that in can give *right now*, without
// waiting, until the batch has max values or in has nothing ready. Then it
// sends the batch and starts the next one. A value is ready when it is in
// in's buffer, or when a sender is parked on in with it.
//
// When in is closed and drained, Batch sends what it holds (never an empty
// batch), closes the channel it returned, and its goroutine ends.
func Batch(in <-chan int, max int) <-chan []int {
	out := make(chan []int)
	go func() {
		defer close(out)
		for {
			v, ok := <-in // wait for the first value of a batch
			if !ok {
				return // closed and drained: nothing held
			}
			b := []int{v}
		fill:
			for len(b) < max {
				select {
				case v := <-in: // ready now
					b = append(b, v)
				default: // nothing ready: do not wait
					break fill
				}
			}
			out <- b
		}
	}()
	return out
}
