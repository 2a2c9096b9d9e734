// Mutant: closes quit on every call of stop, so the second call panics with
// "close of closed channel".
package stopworkers

import "sync"

func Start(n int, jobs <-chan int, do func(job int)) (stop func()) {
	quit := make(chan struct{})
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for {
				select {
				case <-quit:
					return
				case j := <-jobs:
					do(j)
				}
			}
		})
	}
	return func() {
		close(quit)
		wg.Wait()
	}
}
