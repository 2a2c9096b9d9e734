// Mutant: returns the first error at once, abandoning the tasks that are
// still running (and their workers): Run returns at t=2s, not t=3s, and
// goroutines are left behind.
package firsterror

import "sync"

// Run runs task(0), ... task(n-1) on workers workers and stops at the first
// error.
func Run(n, workers int, task func(i int) error) error {
	jobs := make(chan int)
	stop := make(chan struct{})
	var (
		once  sync.Once
		first error
	)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				if err := task(i); err != nil {
					once.Do(func() { first = err; close(stop) })
				}
			}
		})
	}
	finished := make(chan struct{})
	go func() {
		defer close(jobs)
		for i := range n {
			select {
			case jobs <- i:
			case <-stop:
				return
			}
		}
	}()
	go func() { wg.Wait(); close(finished) }()
	select {
	case <-stop:
		return first // the others will finish on their own... some day
	case <-finished:
		return nil
	}
}
