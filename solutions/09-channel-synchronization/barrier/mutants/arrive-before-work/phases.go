// Mutant: announces its arrival before doing first, so the barrier can
// open while a first phase is still running.
// Package barrier is about making several goroutines wait for each other.
package barrier

// Phases runs n goroutines, numbered 0 to n-1. Goroutine i calls first(i),
// then waits until *every* goroutine has returned from first, and only
// then calls second(i). Phases returns when every call of second has
// returned, and leaves no goroutine behind.
//
// No call of second may start before the last call of first has returned,
// and none may wait longer than that: the tests check both, on a fake
// clock.
func Phases(n int, first, second func(i int)) {
	arrived := make(chan struct{}, n) // room for every arrival: nobody waits to say it
	release := make(chan struct{})
	done := make(chan struct{})
	for i := range n {
		go func() {
			arrived <- struct{}{} // "I am here"
			first(i)
			<-release // until all n have arrived
			second(i)
			done <- struct{}{}
		}()
	}
	for range n {
		<-arrived
	}
	close(release) // one close wakes every goroutine parked on release
	for range n {
		<-done
	}
}
