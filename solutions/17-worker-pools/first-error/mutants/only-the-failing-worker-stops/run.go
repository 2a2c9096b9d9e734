// Mutant: the worker whose task fails leaves the pool, but nobody tells the
// others: they go on taking tasks after the failure.
package firsterror

import "sync"

// Run runs task(0), ... task(n-1) on workers workers and stops at the first
// error.
func Run(n, workers int, task func(i int) error) error {
	jobs := make(chan int)
	var (
		mu    sync.Mutex
		first error
	)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				if err := task(i); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
					return // this worker stops
				}
			}
		})
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	for i := range n {
		select {
		case jobs <- i:
		case <-done: // every worker has stopped
		}
	}
	close(jobs)
	<-done
	return first
}
