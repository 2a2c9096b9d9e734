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
	// TODO: sleeping a period after each job adds the job's own time to
	// every turn, so the jobs drift off the grid. The tests run on a fake
	// clock and check the exact times at which each job starts.
	for i := range n {
		job(i)
		if i < n-1 {
			time.Sleep(period)
		}
	}
}
