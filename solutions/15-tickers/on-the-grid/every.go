// Package onthegrid is about doing something every period: on a grid of
// fixed times, not "work, then sleep".
package onthegrid

import "time"

// Every runs job(0), job(1), ... job(n-1), one after another, so that
// they start on a grid: job(0) at once, job(1) one period after Every was
// called, job(2) two periods after, and so on, whatever the jobs take.
//
// A job that overruns its slot is not interrupted. The job after it then
// starts as soon as it ends (its tick came while the late job ran), and
// the jobs after that are back on the grid: a slot missed entirely is
// skipped, not made up.
//
// Every returns when job(n-1) has returned.
func Every(n int, period time.Duration, job func(i int)) {
	// The ticker's grid starts now: ticks are due at period, 2*period, ...
	// A tick that comes while a job runs waits for us; the ones after it
	// are dropped. That is the overrun rule, for free.
	t := time.NewTicker(period)
	defer t.Stop()
	for i := range n {
		if i > 0 {
			<-t.C
		}
		job(i)
	}
}
