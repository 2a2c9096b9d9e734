// Mutant: stop closes quit and then sleeps for a second "to let the
// workers finish" instead of waiting for them: a guess, and a job that runs
// longer is still running when stop returns.
// Package stopworkers is about telling many goroutines the same thing at
// once: stop.
package stopworkers

import (
	"sync"
	"time"
)

// Start starts n workers. Each worker takes jobs from jobs, one at a time,
// and calls do(job), until it is told to stop. jobs is never closed.
//
// Start returns stop. stop tells every worker to stop, waits until all of
// them have returned, and then returns. A worker in the middle of a job
// finishes that job first; jobs nobody has taken yet stay in the channel.
// stop may be called more than once, and from several goroutines at the
// same time: every call returns once all workers have stopped, and no call
// panics.
func Start(n int, jobs <-chan int, do func(job int)) (stop func()) {
	quit := make(chan struct{})
	var once sync.Once
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
		once.Do(func() { close(quit) })
		time.Sleep(time.Second) // "the workers are done by then"
	}
}
