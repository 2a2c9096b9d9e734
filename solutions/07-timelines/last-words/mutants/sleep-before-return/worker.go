// Mutant: waits with time.Sleep instead of a signal from the worker. Usually
// long enough, never a synchronisation: the race detector sees the race.
// Package lastwords is about the moment a hand-over completes, and what it
// does not tell you.
package lastwords

import "time"

// Run hands every job to a worker goroutine and returns the worker's log:
// one line "did JOB" for each job, in order, and then "worker done".
//
// The worker owns the log while it runs. Run may read it only once the
// worker has written its last line.
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

	time.Sleep(10 * time.Millisecond) // give the worker time to finish
	return log
}
