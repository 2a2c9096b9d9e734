// Mutant: starts the quiet period at the first event of a burst and does
// not restart it on later events, so a burst comes out too early.
package debounce

import "time"

func Debounce(events <-chan string, quiet time.Duration) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		timer := time.NewTimer(quiet)
		timer.Stop()
		var waiting string
		has := false
		for {
			select {
			case e, ok := <-events:
				if !ok {
					if has {
						out <- waiting
					}
					return
				}
				if !has {
					timer.Reset(quiet)
				}
				waiting, has = e, true
			case <-timer.C:
				out <- waiting
				has = false
			}
		}
	}()
	return out
}
