// Mutant: starts one goroutine per job, so all of them run at once: the
// results are right and fast, but the number of workers is not bounded.
package bounded

import "sync"

// Map calls f once for every job and returns the results in the order of
// jobs: out[i] is f(jobs[i]).
func Map(jobs []int, workers int, f func(job int) int) []int {
	out := make([]int, len(jobs))
	var wg sync.WaitGroup
	for i, job := range jobs {
		wg.Go(func() { out[i] = f(job) })
	}
	wg.Wait()
	return out
}
