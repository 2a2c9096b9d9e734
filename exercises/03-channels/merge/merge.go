// Package merge is about receiving from two channels until both are done.
package merge

// Merge returns a channel on which every value received from a and from b
// is sent, each exactly once, in any order. The returned channel is closed
// after a and b are both closed and every one of their values has been
// passed on, and no goroutine that Merge starts outlives that.
//
// This version passes the values it sees, but on some schedules it loses
// values and leaves a sender stuck for good. Find out why and fix it.
func Merge(a, b <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for {
			select {
			case v, ok := <-a:
				if !ok {
					// TODO: a is closed, but is b?
					return
				}
				out <- v
			case v, ok := <-b:
				if !ok {
					return
				}
				out <- v
			}
		}
	}()
	return out
}
