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
	stop := make(chan struct{}) // closed at the first failure: a broadcast to everyone
	var (
		once  sync.Once
		first error
	)

	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				if err := task(i); err != nil {
					once.Do(func() {
						first = err // written once, read by Run after wg.Wait
						close(stop)
					})
				}
			}
		})
	}

	// The producer: hands out numbers until they run out or the pool stops.
	// When the pool has stopped, the select cannot pick the send any more:
	// a closed stop is always ready, and the send waits for a free worker.
	wg.Go(func() {
		defer close(jobs) // the only sender closes: the workers' ranges end
		for i := range n {
			select {
			case jobs <- i:
			case <-stop:
				return
			}
		}
	})

	wg.Wait() // the workers and the producer: every running task has ended
	return first
}
