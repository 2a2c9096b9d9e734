// Package workerpool is about a fixed number of goroutines sharing a queue
// of jobs.
package workerpool

// Process calls work once for every job and returns the results in the
// order of jobs: result i is work(jobs[i]).
//
// It uses a pool of exactly workers goroutines. Each worker takes the next
// job from one shared channel of jobs as soon as it is free, so that at
// most workers calls of work run at the same time, and no worker idles
// while a job waits. Process returns when every result is in, and leaves
// no goroutine behind. work is safe to call from several goroutines.
//
// This version is correct but does one job at a time.
func Process(jobs []string, workers int, work func(job string) string) []string {
	results := make([]string, len(jobs))
	// TODO: start workers goroutines that take job indexes from a channel,
	// feed the indexes, close the channel when they run out, and wait until
	// every worker is done before returning.
	for i, j := range jobs {
		results[i] = work(j)
	}
	return results
}
