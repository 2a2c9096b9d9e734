// Mutant: waits for the workers before reading any result. The workers wait
// to send results that nobody reads yet, and Squares waits for them: a
// deadlock as soon as there is a number to square.
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

	go func() {
		for _, n := range nums {
			jobs <- n
		}
		close(jobs)
	}()

	wg.Wait()
	close(results)

	var out []int
	for r := range results {
		out = append(out, r)
	}
	return out
}
