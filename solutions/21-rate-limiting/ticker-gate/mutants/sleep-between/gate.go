// Mutant: sleeps for the interval before each request instead of waiting
// for a tick. The pause is measured from the end of the previous request,
// so the requests drift by the time each one takes.
package tickergate

import "time"

// Serve handles every request, in order, at most one per interval.
func Serve(requests []string, interval time.Duration, handle func(req string)) {
	for _, r := range requests {
		time.Sleep(interval)
		handle(r)
	}
}
