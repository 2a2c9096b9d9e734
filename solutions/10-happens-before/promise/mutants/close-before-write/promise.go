// Mutant: closes done before writing the value, so a Get can return the
// empty string (and races with the write).
// Package promise is about publishing a value once, to any number of
// readers, with a close.
package promise

// A Promise holds a string that is set once and read by anyone, any number
// of times. The zero Promise is not ready for use: call New.
type Promise struct {
	value string
	once  chan struct{} // holds one token: the Set that takes it is the first
	done  chan struct{} // closed once value has been written
}

// New returns a Promise that has not been set.
func New() *Promise {
	p := &Promise{once: make(chan struct{}, 1), done: make(chan struct{})}
	p.once <- struct{}{}
	return p
}

// Set stores v if the promise has not been set yet and reports whether it
// did. Only the first call stores its value; the others return false and
// change nothing. Set never blocks, and may be called from many goroutines
// at the same time.
func (p *Promise) Set(v string) bool {
	select {
	case <-p.once: // the token: only one Set ever gets it
		close(p.done) // wake the readers at once
		p.value = v
		return true
	default:
		return false
	}
}

// Get waits until the promise is set, then returns its value. Any number
// of goroutines may call Get, before or after Set; all of them get the
// value of the first Set.
func (p *Promise) Get() string {
	<-p.done
	return p.value // written before the close that let us through
}
