// Package mergeclosed is about a fan-in loop that must notice when each of
// its inputs is closed, once.
package mergeclosed

// Merge returns a channel that carries every value received from a and
// from b, each source's values in the order they were sent. Merge closes
// the returned channel when a and b are both closed and every one of their
// values has been passed on, and not before.
func Merge(a, b <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for a != nil || b != nil {
			select {
			case v, ok := <-a:
				if !ok {
					a = nil // closed: a case on a nil channel is never ready
					continue
				}
				out <- v
			case v, ok := <-b:
				if !ok {
					b = nil
					continue
				}
				out <- v
			}
		}
	}()
	return out
}
