// Mutant: switches a closed input off with nil, but still sends the zero
// value that the receive from the closed channel gave.
package merge

// Merge returns a channel on which every value received from a and from b
// is sent, each exactly once, in any order.
func Merge(a, b <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for a != nil || b != nil {
			select {
			case v, ok := <-a:
				if !ok {
					a = nil
				}
				out <- v
			case v, ok := <-b:
				if !ok {
					b = nil
				}
				out <- v
			}
		}
	}()
	return out
}
