// Package closeonce is about a Close method that may be called more than
// once, from several goroutines, and must close a channel exactly once.
package closeonce

import "sync"

// Conn is a connection that can be closed. Its Done channel is closed when
// the connection is: any number of goroutines can wait on it.
type Conn struct {
	done chan struct{}
	once sync.Once
}

// New returns an open connection.
func New() *Conn {
	return &Conn{done: make(chan struct{})}
}

// Done returns a channel that is closed once the connection is closed.
func (c *Conn) Done() <-chan struct{} { return c.done }

// Close closes the connection. It may be called any number of times, from
// any number of goroutines, also at the same moment. The first call closes
// Done; later calls do nothing, and no call panics.
func (c *Conn) Close() {
	// Once makes the check and the close a single step: the first caller
	// closes, every other caller (even one that arrives during the close)
	// waits for it and does nothing.
	c.once.Do(func() { close(c.done) })
}
