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
	ticker := time.NewTicker(interval) // ticks at interval, 2*interval, ... from now
	defer ticker.Stop()                // no more ticks once Serve returns
	for _, r := range requests {
		<-ticker.C // wait for the next tick: the beat does not depend on the work
		handle(r)
	}
}
