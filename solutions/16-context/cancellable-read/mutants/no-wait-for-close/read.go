// Mutant: uses AfterFunc and stop correctly, but returns as soon as stop
// reports false, while f is still closing the connection: stop does not
// wait for f.
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

// ReadCtx reads one message from c, but no longer than ctx allows.
func ReadCtx(ctx context.Context, c Conn) (string, error) {
	stop := context.AfterFunc(ctx, func() { c.Close() })
	msg, err := c.Read()
	if stop() {
		return msg, err
	}
	return "", context.Cause(ctx)
}
