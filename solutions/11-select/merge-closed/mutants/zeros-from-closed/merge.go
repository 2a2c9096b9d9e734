// Mutant: receives without ok, so a closed input, always ready, keeps
// giving zeros that are forwarded as values, and the loop never ends.
package mergeclosed

// Merge forwards every value from a and b to the returned channel, and
// closes it when both are closed.
func Merge(a, b <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for {
			select {
			case v := <-a:
				out <- v
			case v := <-b:
				out <- v
			}
		}
	}()
	return out
}
