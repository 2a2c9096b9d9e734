// Package workerpool is about a fixed number of goroutines sharing a queue
// of jobs.
package workerpool

import "sync"

// Process calls work once for every job and returns the results in the
// order of jobs: result i is work(jobs[i]).
//
// It uses a pool of exactly workers goroutines. Each worker takes the next
// job from one shared channel of jobs as soon as it is free, so that at
// most workers calls of work run at the same time, and no worker idles
// while a job waits. Process returns when every result is in, and leaves
// no goroutine behind. work is safe to call from several goroutines.
func Process(jobs []string, workers int, work func(job string) string) []string {
	results := make([]string, len(jobs))
	indexes := make(chan int)

	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range indexes { // ends when indexes is closed and empty
				results[i] = work(jobs[i]) // element i is this worker's alone
			}
		})
	}

	for i := range jobs {
		indexes <- i // waits until some worker is free
	}
	close(indexes) // the only sender says: no more jobs
	wg.Wait()      // every worker has returned: results are complete
	return results
}
