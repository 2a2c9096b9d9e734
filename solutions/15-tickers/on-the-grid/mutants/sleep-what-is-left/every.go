// Mutant: sleeps for what is left of the period after each job. Right for
// short jobs, but after a job that overruns it counts a new period from the
// end of the next job: off the grid by the time that job took.
package onthegrid

import "time"

// Every runs job(0) ... job(n-1) on a grid of period.
func Every(n int, period time.Duration, job func(i int)) {
	for i := range n {
		began := time.Now()
		job(i)
		if i < n-1 {
			if left := period - time.Since(began); left > 0 {
				time.Sleep(left)
			}
		}
	}
}
