// Package timeoutleak: a query with a timeout; when the timeout wins, the
// answering goroutine blocks forever on its send.
package timeoutleak

import "time"

func Query(work time.Duration) (int, bool) {
	answer := make(chan int)
	go func() {
		time.Sleep(work)
		answer <- 42
	}()
	select {
	case v := <-answer:
		return v, true
	case <-time.After(time.Second):
		return 0, false
	}
}
