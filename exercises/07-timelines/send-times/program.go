// Package sendtimes asks you to predict a timeline, to the second.
//
// Pipeline below is a producer and a slow consumer joined by a channel. Read
// it, work out when each send and each receive completes, once with an
// unbuffered channel and once with a buffer of two, and write your
// prediction in answer.go. Do not change this file: the tests run it on a
// fake clock and compare.
package sendtimes

import "time"

// Pipeline sends the values 1 to 4 to a consumer over a channel of the
// given capacity. log records an event ("sent 1", "got 1", ...) at the
// moment it happens; it returns at once.
//
// The producer takes a second to make each value after the first: it sends
// 1 at once, then waits a second after each completed send before it
// sends the next. The consumer needs two seconds of work for each value it
// receives.
func Pipeline(capacity int, log func(event string)) {
	ch := make(chan int, capacity)
	done := make(chan struct{})

	go func() { // the consumer
		for v := range ch {
			log("got " + name(v))
			time.Sleep(2 * time.Second) // the work
		}
		log("consumer finished")
		close(done)
	}()

	for v := 1; v <= 4; v++ {
		if v > 1 {
			time.Sleep(time.Second) // making the next value
		}
		ch <- v
		log("sent " + name(v))
	}
	close(ch)
	<-done
}

func name(v int) string { return string(rune('0' + v)) }
