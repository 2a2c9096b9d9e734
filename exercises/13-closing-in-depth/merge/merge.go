// Package merge is about fan-in: many channels merged into one, each value
// passed on as soon as it arrives, and the merged channel closed once.
package merge

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
	go func() {
		defer close(out)
		// TODO: this reads the inputs one after another. The values are
		// right, but a value of the second input waits until the first
		// input is closed, and its producer waits with it. Forward every
		// input at the same time, and close out once, after the last.
		for _, in := range inputs {
			for v := range in {
				out <- v
			}
		}
	}()
	return out
}
