// Mutant: closes the queue and sleeps for a second instead of waiting for
// the workers: a guess at how long the last jobs take.
// Package bounded is about doing many jobs with a fixed number of workers.
package bounded

import (
	"sync"
	"time"
)

// Map calls f once for every job and returns the results in the order of
// jobs: out[i] is f(jobs[i]).
//
// At most workers calls of f may run at the same moment, and Map should use
// all of them: while jobs are left, no worker stays idle. f is safe to call
// from several goroutines at once; a call may take a long time, and the
// calls do not finish in the order they started. workers is at least 1.
//
// Map returns only when every call of f has returned, and leaves no
// goroutine behind.
func Map(jobs []int, workers int, f func(job int) int) []int {
	out := make([]int, len(jobs))
	indexes := make(chan int) // which job to do next; the index says where its result goes

	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range indexes {
				out[i] = f(jobs[i]) // element i is this worker's alone
			}
		})
	}
	for i := range jobs {
		indexes <- i // waits until a worker is free
	}
	close(indexes)
	time.Sleep(time.Second) // "the last jobs are done by then"
	return out
}
