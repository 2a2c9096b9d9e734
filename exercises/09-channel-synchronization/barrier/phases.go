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
	done := make(chan struct{})
	for i := range n {
		go func() {
			first(i)
			// TODO: wait here until every goroutine has returned from
			// first. Each goroutine can say "I have arrived" on one
			// channel, and something that counts n arrivals can then
			// release all of them at once.
			second(i)
			done <- struct{}{}
		}()
	}
	for range n {
		<-done
	}
}
