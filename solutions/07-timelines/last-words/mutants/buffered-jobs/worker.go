// Mutant: buffers the work channel and forgets to wait for done: a buffer
// changes when sends complete, not when the work is done.
// Package lastwords is about the moment a hand-over completes, and what it
// does not tell you.
package lastwords

// Run hands every job to a worker goroutine and returns the worker's log:
// one line "did JOB" for each job, in order, and then "worker done".
//
// The worker owns the log while it runs. Run may read it only once the
// worker has written its last line.
func Run(jobs []string) []string {
	var log []string
	work := make(chan string, len(jobs)) // a buffer, so that the worker never waits
	done := make(chan struct{})

	go func() { // the worker
		for job := range work {
			log = append(log, "did "+job)
		}
		log = append(log, "worker done")
		close(done) // after the last write: the log is Run's now
	}()

	for _, job := range jobs {
		work <- job
	}
	close(work)

	// Mutant: signals done but never waits for it; a buffer makes the sends
	// complete even earlier.
	return log
}
