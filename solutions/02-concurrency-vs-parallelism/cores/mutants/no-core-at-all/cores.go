// Mutant: takes no core at all, for any step, so more than procs tasks
// compute at the same moment.
package cores

import (
	"sync"
	"time"
)

// A Step is one part of a task.
type Step struct {
	CPU bool
	Dur time.Duration
}

// A Task is a list of steps done one after another.
type Task []Step

// Run runs every task in its own goroutine and returns when all are done.
func Run(tasks []Task, procs int) {
	var wg sync.WaitGroup
	for _, task := range tasks {
		wg.Go(func() {
			for _, step := range task {
				time.Sleep(step.Dur)
			}
		})
	}
	wg.Wait()
}
