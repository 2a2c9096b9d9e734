// Mutant: looks whether done is already closed, with a select and a
// default, and closes it if not. Two goroutines can both look before
// either closes, and the second close panics.
package closeonce

// Conn is a connection that can be closed from several goroutines.
type Conn struct {
	done chan struct{}
}

// New returns an open Conn.
func New() *Conn {
	return &Conn{done: make(chan struct{})}
}

// Done returns a channel that is closed when the Conn is closed.
func (c *Conn) Done() <-chan struct{} { return c.done }

// Close closes the Conn; calling it again, from any goroutine, does nothing.
func (c *Conn) Close() {
	select {
	case <-c.done: // closed already
	default:
		close(c.done)
	}
}
