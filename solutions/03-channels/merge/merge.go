// Package merge is about receiving from two channels until both are done.
package merge

// Merge returns a channel on which every value received from a and from b
// is sent, each exactly once, in any order. The returned channel is closed
// after a and b are both closed and every one of their values has been
// passed on, and no goroutine that Merge starts outlives that.
func Merge(a, b <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out) // the only sender on out closes it, when both are done
		for a != nil || b != nil {
			select {
			case v, ok := <-a:
				if !ok {
					a = nil // closed: a nil channel is never ready, so this case is off
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
