// Mutant: stops (and closes out) as soon as either input is closed, so the
// other input's remaining values are lost and its producer is left stuck.
package mergeclosed

func Merge(a, b <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for {
			select {
			case v, ok := <-a:
				if !ok {
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
