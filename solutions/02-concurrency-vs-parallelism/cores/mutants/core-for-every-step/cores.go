// Mutant: takes a core around every step, the waiting steps too, so tasks
// that only wait still queue for the cores.
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

// Run runs every task in its own goroutine and returns when all of them are
// done. At most procs tasks compute at any moment.
func Run(tasks []Task, procs int) {
	cores := make(chan struct{}, procs)
	var wg sync.WaitGroup
	for _, task := range tasks {
		wg.Go(func() {
			for _, step := range task {
				cores <- struct{}{}
				time.Sleep(step.Dur)
				<-cores
			}
		})
	}
	wg.Wait()
}
