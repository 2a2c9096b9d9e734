// Mutant: splits the jobs between the workers in advance (worker k takes
// jobs k, k+n, k+2n, ...) instead of sharing one queue. Every result is
// right, but a worker that drew short jobs idles while another still has
// a queue: the uneven case takes 6s instead of 5s.
package workerpool

import "sync"

// Process calls work once for every job and returns the results in the
// order of jobs: result i is work(jobs[i]).
func Process(jobs []string, workers int, work func(job string) string) []string {
	results := make([]string, len(jobs))
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			for i := k; i < len(jobs); i += workers {
				results[i] = work(jobs[i])
			}
		})
	}
	wg.Wait()
	return results
}
