// Mutant: forwards every input at the same time but never closes out, so a
// consumer that ranges over it waits for ever after the last value.
package merge

func Merge[T any](inputs ...<-chan T) <-chan T {
	out := make(chan T)
	for _, in := range inputs {
		go func() {
			for v := range in {
				out <- v
			}
		}()
	}
	return out
}
