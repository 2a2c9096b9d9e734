// Package firsterror is about a pool of workers that stops when a task
// fails.
package firsterror

import "sync"

// Run runs task(0), task(1), ... task(n-1) on workers workers (at least 1),
// each worker taking the next task number when it is free, in order.
//
// When every task succeeds, Run returns nil once they have all returned.
//
// When a task fails, the pool stops: from that moment no new task starts.
// Tasks that are already running are not interrupted; Run waits for them,
// and then returns the error of the task that failed FIRST (in time, not by
// number). Run never returns while a task or a worker is still running.
func Run(n, workers int, task func(i int) error) error {
	jobs := make(chan int)
	errs := make([]error, n)

	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				errs[i] = task(i)
			}
		})
	}
	// TODO: the pool never stops: every task runs, whatever fails. When a
	// task fails, remember its error (the first one only) and stop handing
	// out task numbers.
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()

	// TODO: this is the error with the lowest number, not the first one.
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
