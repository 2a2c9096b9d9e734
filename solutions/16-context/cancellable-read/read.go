// Package cancellableread is about making a blocking call that knows
// nothing about contexts stop when a context is done.
package cancellableread

import (
	"context"
	"errors"
)

// ErrClosed is what Read returns once the connection has been closed.
var ErrClosed = errors.New("use of closed connection")

// Conn is a connection from a library written before contexts. Read
// blocks until a message arrives, and the only way to make it return
// early is Close: a Read that is waiting then returns "" and ErrClosed.
// Close may take a while (it flushes), and it is safe to call from any
// goroutine, more than once.
type Conn interface {
	Read() (string, error)
	Close() error
}

// ReadCtx reads one message from c, but no longer than ctx allows.
//
//   - If a message arrives while ctx is not done, ReadCtx returns it and
//     a nil error, and c stays open: it must not be closed later either,
//     when ctx is done, because the caller goes on using it.
//   - If ctx is done first (or already), ReadCtx closes c, which is the
//     only way to make the Read return, and returns "" and
//     context.Cause(ctx).
//
// ReadCtx returns only when everything it started has finished, a Close
// included.
func ReadCtx(ctx context.Context, c Conn) (string, error) {
	closed := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		c.Close()
		close(closed)
	})
	msg, err := c.Read()
	if stop() {
		// ctx was not done: f will never run, and c stays open.
		return msg, err
	}
	// f has started: it is closing c. stop does not wait for it; we do.
	<-closed
	return "", context.Cause(ctx)
}
