// Package earlyclose is about shutting a pool of workers down in the right
// order.
package earlyclose

import "sync"

// Squares squares every number on a pool of workers and returns the
// squares, in any order. workers is at least 1.
func Squares(nums []int, workers int) []int {
	jobs := make(chan int)
	results := make(chan int)

	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for n := range jobs {
				results <- n * n
			}
		})
	}

	go func() { // the producer
		for _, n := range nums {
			jobs <- n
		}
		close(jobs) // the producer is the only sender on jobs: it closes it
	}()

	// results has several senders, so none of them may close it. A closer
	// of its own waits until every worker has returned, that is, until the
	// last send on results has completed, and only then closes it. It runs
	// beside the loop below: waiting here, before reading, would deadlock.
	go func() {
		wg.Wait()
		close(results)
	}()

	var out []int
	for r := range results {
		out = append(out, r)
	}
	return out
}
