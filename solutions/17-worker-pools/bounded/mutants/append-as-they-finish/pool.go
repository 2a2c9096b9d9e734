// Mutant: a correct pool of workers, but results are appended in the order
// the calls finish, not put at the index of their job.
package bounded

import "sync"

// Map calls f once for every job and returns the results in the order of
// jobs: out[i] is f(jobs[i]).
func Map(jobs []int, workers int, f func(job int) int) []int {
	var out []int
	var mu sync.Mutex
	todo := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for job := range todo {
				r := f(job)
				mu.Lock()
				out = append(out, r)
				mu.Unlock()
			}
		})
	}
	for _, job := range jobs {
		todo <- job
	}
	close(todo)
	wg.Wait()
	return out
}
