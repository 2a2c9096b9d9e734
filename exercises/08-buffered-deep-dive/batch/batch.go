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
		// TODO: this sends every value alone, in a batch of one. After
		// the first value of a batch, take more with a receive that
		// does not wait (select with default), and use the comma-ok form
		// to notice that in is closed: a closed channel is always
		// "ready", with zero values.
		for v := range in {
			out <- []int{v}
		}
		close(out)
	}()
	return out
}
