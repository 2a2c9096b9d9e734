// Mutant: checks whether done is closed and then closes it: two Sets can
// both pass the check, and the second close panics.
// Package promise is about publishing a value once, to any number of
// readers, with a close.
package promise

// A Promise holds a string that is set once and read by anyone, any number
// of times. The zero Promise is not ready for use: call New.
type Promise struct {
	value string
	done  chan struct{} // closed once value has been written
}

// New returns a Promise that has not been set.
func New() *Promise {
	return &Promise{done: make(chan struct{})}
}

// Set stores v if the promise has not been set yet and reports whether it
// did. Only the first call stores its value; the others return false and
// change nothing. Set never blocks, and may be called from many goroutines
// at the same time.
func (p *Promise) Set(v string) bool {
	select {
	case <-p.done: // already set
		return false
	default:
	}
	p.value = v
	close(p.done)
	return true
}

// Get waits until the promise is set, then returns its value. Any number
// of goroutines may call Get, before or after Set; all of them get the
// value of the first Set.
func (p *Promise) Get() string {
	<-p.done
	return p.value // written before the close that let us through
}
