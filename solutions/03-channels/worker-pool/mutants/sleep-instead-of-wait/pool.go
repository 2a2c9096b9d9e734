// Mutant: closes the queue and then sleeps for a second instead of waiting
// for the workers: a guess at how long the last jobs take.
package workerpool

import "time"

// Process runs work on every job with a fixed number of workers.
func Process(jobs []string, workers int, work func(job string) string) []string {
	results := make([]string, len(jobs))
	indexes := make(chan int)
	for range workers {
		go func() {
			for i := range indexes {
				results[i] = work(jobs[i])
			}
		}()
	}
	for i := range jobs {
		indexes <- i
	}
	close(indexes)
	time.Sleep(time.Second) // "the last jobs take about a second"
	return results
}
