// Mutant: gives the first phases a second and then opens the barrier,
// instead of counting arrivals: a guess at how long first takes.
package barrier

import "time"

// Phases runs first(i) for every i, then second(i) for every i, each i in
// its own goroutine; no second starts before every first has returned.
func Phases(n int, first, second func(i int)) {
	release := make(chan struct{})
	done := make(chan struct{})
	for i := range n {
		go func() {
			first(i)
			<-release
			second(i)
			done <- struct{}{}
		}()
	}
	time.Sleep(time.Second) // "every first is done by then"
	close(release)
	for range n {
		<-done
	}
}
