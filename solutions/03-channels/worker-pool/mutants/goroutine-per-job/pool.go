// Mutant: starts one goroutine per job, however many workers were asked
// for: fast, but nothing bounds how many calls of work run at once.
package workerpool

import "sync"

// Process calls work once for every job and returns the results in the
// order of jobs: result i is work(jobs[i]).
func Process(jobs []string, workers int, work func(job string) string) []string {
	results := make([]string, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() { results[i] = work(j) })
	}
	wg.Wait()
	return results
}
