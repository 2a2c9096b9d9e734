// Mutant: sends one value on quit per worker instead of closing it. The
// first stop works; a second stop waits for ever, since no worker is left
// to receive.
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
		for range n {
			quit <- struct{}{}
		}
		wg.Wait()
	}
}
