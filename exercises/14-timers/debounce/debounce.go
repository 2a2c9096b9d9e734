// Package debounce is about waiting for things to calm down: passing on an
// event only once no newer one has come for a while.
package debounce

import "time"

// Debounce reads events and passes on the last event of each burst. An
// event is passed on once quiet has passed without a newer event; each new
// event starts the quiet period again and replaces the one waiting. So a
// burst of events closer together than quiet comes out as one event, its
// last, quiet after that last event arrived.
//
// When events is closed, an event still waiting is passed on at once, and
// then the returned channel is closed. The goroutine Debounce starts ends
// then; the caller receives from the returned channel until it is closed.
func Debounce(events <-chan string, quiet time.Duration) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		// TODO: this passes on every event at once. Keep the newest event
		// waiting instead, and pass it on when quiet has passed without a
		// newer one: one timer, made once, and Reset on every event.
		for e := range events {
			out <- e
		}
	}()
	return out
}
