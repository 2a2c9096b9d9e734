// Mutant: when events is closed it returns at once, and the event that was
// still waiting is lost.
package debounce

import "time"

func Debounce(events <-chan string, quiet time.Duration) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		timer := time.NewTimer(quiet)
		timer.Stop()
		var waiting string
		for {
			select {
			case e, ok := <-events:
				if !ok {
					return
				}
				waiting = e
				timer.Reset(quiet)
			case <-timer.C:
				out <- waiting
			}
		}
	}()
	return out
}
