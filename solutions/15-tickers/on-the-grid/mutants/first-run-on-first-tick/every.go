// Mutant: waits for a tick before every job, the first one included, so
// every job starts one period late.
package onthegrid

import "time"

// Every runs job(0) ... job(n-1) on a grid of period.
func Every(n int, period time.Duration, job func(i int)) {
	t := time.NewTicker(period)
	defer t.Stop()
	for i := range n {
		<-t.C
		job(i)
	}
}
