// Mutant: waits on a fresh timer, <-time.After(interval), before each
// request instead of on one ticker: each pause counts from the end of the
// previous request, so the requests drift by the time each one takes.
// Package tickergate is about pacing work to a clock.
package tickergate

import "time"

// Serve handles every request, in order, at most one per interval: request
// i may start only at the (i+1)-th tick of a clock that ticks every
// interval from the moment Serve is called. So with an interval of 200ms,
// requests start at 200ms, 400ms, 600ms, ... however long each one takes
// to handle, as long as it takes less than the interval. (A handler that
// takes longer makes the next request wait for the next tick after it.)
//
// Serve returns when the last request has been handled, and leaves nothing
// running behind it.
func Serve(requests []string, interval time.Duration, handle func(req string)) {
	for _, r := range requests {
		<-time.After(interval) // "one interval between requests"
		handle(r)
	}
}
