// Mutant: a blocking send instead of the select: one waiter gets the
// signal, the others wait for ever (and with no waiter, the goroutine leaks).
// Package lostsignal is about a "done" signal that nobody may miss.
package lostsignal

// A Job is work running in its own goroutine.
type Job struct {
	done chan struct{}
}

// Start runs work in a new goroutine and returns at once.
func Start(work func()) *Job {
	j := &Job{done: make(chan struct{})}
	go func() {
		work()
		j.done <- struct{}{} // wait until somebody takes the signal
	}()
	return j
}

// Wait blocks until the job's work has returned. Any number of goroutines
// may call Wait, as often as they like, before or after the work has
// finished; each call returns once the work is done.
func (j *Job) Wait() {
	<-j.done
}
