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
		// TODO: this signal is sent only if somebody is parked in Wait at
		// this very moment; otherwise default drops it, and a Wait that
		// comes later waits for ever. It also reaches one waiter at most.
		// A signal that must reach every waiter, early or late, is not a
		// value that one receive takes away.
		select {
		case j.done <- struct{}{}:
		default: // "don't block if nobody is listening"
		}
	}()
	return j
}

// Wait blocks until the job's work has returned. Any number of goroutines
// may call Wait, as often as they like, before or after the work has
// finished; each call returns once the work is done.
func (j *Job) Wait() {
	<-j.done
}
