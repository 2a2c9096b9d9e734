// Mutant: reads in a goroutine and selects on the result or ctx.Done().
// It returns on time, but never closes the connection: the goroutine
// stays parked in Read (a leak), and it returns ctx.Err(), not the cause.
package cancellableread

import (
	"context"
	"errors"
)

// ErrClosed is what Read returns once the connection has been closed.
var ErrClosed = errors.New("use of closed connection")

// Conn is a connection from a library written before contexts.
type Conn interface {
	Read() (string, error)
	Close() error
}

type result struct {
	msg string
	err error
}

// ReadCtx reads one message from c, but no longer than ctx allows.
func ReadCtx(ctx context.Context, c Conn) (string, error) {
	res := make(chan result, 1)
	go func() {
		m, err := c.Read()
		res <- result{m, err}
	}()
	select {
	case r := <-res:
		return r.msg, r.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
