// Mutant: closes the connection when ctx is done, but never calls stop:
// after a message has come in time, the end of ctx still closes the
// connection that the caller goes on using.
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
	closed := make(chan struct{})
	context.AfterFunc(ctx, func() {
		c.Close()
		close(closed)
	})
	msg, err := c.Read()
	if err == nil {
		return msg, nil
	}
	<-closed
	return "", context.Cause(ctx)
}
