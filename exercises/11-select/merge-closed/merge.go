// Package mergeclosed is about a fan-in loop that must notice when each of
// its inputs is closed, once.
package mergeclosed

// Merge returns a channel that carries every value received from a and
// from b, each source's values in the order they were sent. Merge closes
// the returned channel when a and b are both closed and every one of their
// values has been passed on, and not before.
//
// The version below passes the tests on most runs. On some schedules it
// loses values and leaves a producer stuck for ever. Find out why, and
// fix it.
func Merge(a, b <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		open := 2 // inputs not closed yet
		for open > 0 {
			select {
			case v, ok := <-a:
				if !ok {
					// TODO: a is closed. What does this select do the next
					// time round, while b still has values to send?
					open--
					continue
				}
				out <- v
			case v, ok := <-b:
				if !ok {
					open--
					continue
				}
				out <- v
			}
		}
	}()
	return out
}
