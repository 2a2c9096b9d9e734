// Package lastwords is about the moment a hand-over completes, and what it
// does not tell you.
package lastwords

// Run hands every job to a worker goroutine and returns the worker's log:
// one line "did JOB" for each job, in order, and then "worker done".
//
// The worker owns the log while it runs. Run may read it only once the
// worker has written its last line.
//
// Run passes its tests on most runs, yet it is wrong: on some schedules it
// returns before the worker has written everything, and it reads the log
// while the worker may still write it (a data race). The simulator finds
// such a schedule every time.
func Run(jobs []string) []string {
	var log []string
	work := make(chan string) // unbuffered: each send meets the worker's receive

	go func() { // the worker
		for job := range work {
			log = append(log, "did "+job)
		}
		log = append(log, "worker done")
	}()

	for _, job := range jobs {
		work <- job
	}
	close(work)

	// TODO: the last send has completed, so the worker has *received* the
	// last job. Has it written "did ..." for it? Has it written "worker
	// done"? Nothing here waits for that. Make Run wait until the worker
	// has written its last line, and only then read the log.
	return log
}
