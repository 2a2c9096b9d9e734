// Mutant: a plain bool remembers that Close ran. Two goroutines read and
// write it without synchronisation: a data race, and on some schedules
// both still close.
package closeonce

type Conn struct {
	done   chan struct{}
	closed bool
}

func New() *Conn {
	return &Conn{done: make(chan struct{})}
}

func (c *Conn) Done() <-chan struct{} { return c.done }

func (c *Conn) Close() {
	if !c.closed {
		c.closed = true
		close(c.done)
	}
}
