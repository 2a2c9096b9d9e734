// Mutant: one forwarding goroutine per input, and each closes out when its
// input is done. The first to finish closes out while the other may still
// send on it: "send on closed channel", or "close of closed channel".
package merge

// Merge returns a channel on which every value received from a and from b
// is sent, each exactly once, in any order.
func Merge(a, b <-chan int) <-chan int {
	out := make(chan int)
	forward := func(in <-chan int) {
		for v := range in {
			out <- v
		}
		close(out)
	}
	go forward(a)
	go forward(b)
	return out
}
