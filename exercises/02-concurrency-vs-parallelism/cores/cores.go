// Package cores is a small model of GOMAXPROCS.
//
// The Go runtime lets at most GOMAXPROCS goroutines run Go code at the same
// moment: to run, a goroutine needs a P, and there are GOMAXPROCS of them.
// A goroutine that blocks (on a channel, a timer, the network) puts its P
// back for another goroutine to use, and one that enters a long system call
// has its P handed to another thread. That is why waiting work overlaps on
// any number of cores while computing work is limited by them.
//
// Run models this with a channel of tokens, one per core. You decide when
// a task holds a core.
package cores

import (
	"sync"
	"time"
)

// A Step is one part of a task. A computing step (CPU true) needs a core
// for all of Dur; a waiting step (CPU false) needs none, like a goroutine
// parked on a channel or a timer.
type Step struct {
	CPU bool
	Dur time.Duration
}

// A Task is a list of steps done one after another.
type Task []Step

// Run runs every task in its own goroutine and returns when all of them are
// done. At most procs tasks compute at any moment; waiting steps do not
// count against procs. procs is at least 1.
//
// The time a step takes is modelled with time.Sleep(step.Dur).
func Run(tasks []Task, procs int) {
	cores := make(chan struct{}, procs) // one token in the channel = one core in use
	var wg sync.WaitGroup
	for _, task := range tasks {
		wg.Go(func() {
			// TODO: the task takes a core for its whole life, waiting steps
			// included, so a task that only waits still keeps others off a
			// core. Hold a core only while a step computes.
			cores <- struct{}{} // take a core (waits while all procs are taken)
			for _, step := range task {
				time.Sleep(step.Dur)
			}
			<-cores // give the core back
		})
	}
	wg.Wait()
}
