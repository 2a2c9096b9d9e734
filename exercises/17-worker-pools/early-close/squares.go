// Package earlyclose is about shutting a pool of workers down in the right
// order.
package earlyclose

import "sync"

// Squares squares every number on a pool of workers and returns the
// squares, in any order. workers is at least 1.
//
// It works on most runs. On some schedules it panics with "send on closed
// channel", and results are lost: the simulator finds such a schedule every
// time. Fix the shutdown so that no schedule can go wrong, and keep the
// workers: do not square the numbers in Squares itself.
func Squares(nums []int, workers int) []int {
	jobs := make(chan int)
	results := make(chan int)

	var once sync.Once
	for range workers {
		go func() {
			for n := range jobs {
				results <- n * n
			}
			// TODO: this worker has no job left, so it closes results.
			// Is every other worker done sending too?
			once.Do(func() { close(results) })
		}()
	}

	go func() { // the producer
		for _, n := range nums {
			jobs <- n
		}
		close(jobs) // the producer is the only sender on jobs: it closes it
	}()

	var out []int
	for r := range results { // ends when results is closed
		out = append(out, r)
	}
	return out
}
