// Mutant: every forwarder closes out when its own input ends. The first one
// to finish closes it under the others: "send on closed channel" or "close
// of closed channel".
package merge

func Merge[T any](inputs ...<-chan T) <-chan T {
	out := make(chan T)
	for _, in := range inputs {
		go func() {
			defer close(out)
			for v := range in {
				out <- v
			}
		}()
	}
	return out
}
