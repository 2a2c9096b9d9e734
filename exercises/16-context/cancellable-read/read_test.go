package cancellableread

import (
	"context"
	"errors"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// Inside synctest.Test the clock is fake: the times below are exact.

// fakeConn delivers messages sent on data. Close unblocks a waiting Read
// at once, then takes 100ms to flush.
type fakeConn struct {
	data     chan string
	closed   chan struct{}
	once     sync.Once
	start    time.Time
	closedAt time.Duration // when Close was first called; -1 if never
	mu       sync.Mutex
}

func newConn() *fakeConn {
	return &fakeConn{data: make(chan string), closed: make(chan struct{}), start: time.Now(), closedAt: -1}
}

func (c *fakeConn) Read() (string, error) {
	select {
	case <-c.closed:
		return "", ErrClosed
	default:
	}
	select {
	case m := <-c.data:
		return m, nil
	case <-c.closed:
		return "", ErrClosed
	}
}

func (c *fakeConn) Close() error {
	c.once.Do(func() {
		c.mu.Lock()
		c.closedAt = time.Since(c.start)
		c.mu.Unlock()
		close(c.closed)
		time.Sleep(100 * time.Millisecond) // flushing
	})
	return nil
}

func (c *fakeConn) closedWhen() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closedAt
}

// deliver sends msg on c at the time at, unless c is closed first.
func (c *fakeConn) deliver(msg string, at time.Duration) {
	go func() {
		time.Sleep(at)
		select {
		case c.data <- msg:
		case <-c.closed:
		}
	}()
}

type outcome struct {
	msg      string
	err      error
	returned time.Duration // when ReadCtx returned; -1 if it never did
	closedAt time.Duration // when c was closed, looking again at 3s; -1 if never
}

// run calls ReadCtx(ctx, c) and waits for it, for at most a minute of
// the fake clock. At 3s it looks whether c has been closed, and when.
func run(t *testing.T, setup func(t *testing.T, c *fakeConn) context.Context) (o outcome) {
	synctest.Test(t, func(t *testing.T) {
		c := newConn()
		ctx := setup(t, c)
		start := time.Now()
		done := make(chan struct{})
		go func() {
			defer close(done)
			o.msg, o.err = ReadCtx(ctx, c)
		}()
		select {
		case <-done:
			o.returned = time.Since(start)
		case <-time.After(time.Minute):
			o.returned = -1
			c.Close() // free the Read, so that the test can end
			<-done
		}
		if d := 3*time.Second - time.Since(start); d > 0 {
			time.Sleep(d)
		}
		o.closedAt = c.closedWhen()
		c.Close() // free whatever may still wait, so that the test can end
	})
	return o
}

// when prints a time of the outcome, or "never".
func when(d time.Duration) string {
	if d < 0 {
		return "never"
	}
	return d.String()
}

const hangs = "ReadCtx had not returned a minute (on the fake clock) after ctx was done: c.Read() waits for a\n" +
	"message for ever, and only c.Close() can make it return (see \"AfterFunc: wake what does not know about contexts\")."

func TestMessageInTime(t *testing.T) {
	o := run(t, func(t *testing.T, c *fakeConn) context.Context {
		c.deliver("hello", time.Second)
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		t.Cleanup(cancel)
		return ctx
	})
	if o.msg != "hello" || o.err != nil || o.returned != time.Second {
		t.Errorf("message at 1s, ctx times out at 2s: ReadCtx returned %q, %v at %v; want \"hello\", <nil> at 1s", o.msg, o.err, o.returned)
	}
	if o.closedAt != -1 {
		t.Errorf("message at 1s, ctx times out at 2s: ReadCtx returned the message, but the connection was closed at %v.\n"+
			"The caller goes on using it: once the message has come, call the stop function that AfterFunc returned,\n"+
			"so that the end of ctx no longer closes the connection.", when(o.closedAt))
	}
}

var errUserLeft = errors.New("the user left")

func TestCancelledWithCause(t *testing.T) {
	o := run(t, func(t *testing.T, c *fakeConn) context.Context {
		ctx, cancel := context.WithCancelCause(context.Background())
		time.AfterFunc(time.Second, func() { cancel(errUserLeft) })
		return ctx
	})
	switch {
	case o.returned == -1:
		t.Fatalf("no message, ctx cancelled at 1s with cause %q:\n%s", errUserLeft, hangs)
	case o.closedAt != time.Second:
		t.Errorf("no message, ctx cancelled at 1s: the connection was closed: %v; want at 1s, when ctx is done.\n"+
			"A goroutine left waiting in Read leaks: close the connection so that Read returns.", when(o.closedAt))
	case o.msg != "" || o.err != errUserLeft:
		t.Errorf("no message, ctx cancelled at 1s with cause %q: ReadCtx returned %q, %v; want \"\" and the cause,\n"+
			"context.Cause(ctx). ctx.Err() says only \"context canceled\" (see \"Why was it cancelled? Cause\").",
			errUserLeft, o.msg, o.err)
	case o.returned != 1100*time.Millisecond:
		t.Errorf("no message, ctx cancelled at 1s, closing takes 100ms: ReadCtx returned at %v; want 1.1s.\n"+
			"ReadCtx must return only when the Close it started has finished. The stop function of AfterFunc does not\n"+
			"wait for f: when stop() returns false, f has started, and you must wait for it yourself.", o.returned)
	}
}

func TestDeadline(t *testing.T) {
	o := run(t, func(t *testing.T, c *fakeConn) context.Context {
		c.deliver("too late", 2*time.Second)
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		t.Cleanup(cancel)
		return ctx
	})
	if o.returned == -1 {
		t.Fatalf("message at 2s, ctx times out at 1s:\n%s", hangs)
	}
	if o.msg != "" || o.err != context.DeadlineExceeded || o.returned != 1100*time.Millisecond || o.closedAt != time.Second {
		t.Errorf("message at 2s, ctx times out at 1s, closing takes 100ms: ReadCtx returned %q, %v at %v, the connection\n"+
			"was closed at %v; want \"\", %v at 1.1s, closed at 1s.", o.msg, o.err, o.returned, when(o.closedAt), context.DeadlineExceeded)
	}
}

func TestAlreadyCancelled(t *testing.T) {
	o := run(t, func(t *testing.T, c *fakeConn) context.Context {
		ctx, cancel := context.WithCancelCause(context.Background())
		cancel(errUserLeft)
		return ctx
	})
	if o.returned == -1 {
		t.Fatalf("ctx cancelled before the call:\n%s", hangs)
	}
	if o.msg != "" || o.err != errUserLeft || o.returned != 100*time.Millisecond || o.closedAt != 0 {
		t.Errorf("ctx cancelled (cause %q) before the call, no message: ReadCtx returned %q, %v at %v, the connection\n"+
			"was closed at %v; want \"\", %v at 100ms, closed at 0s.", errUserLeft, o.msg, o.err, o.returned, when(o.closedAt), errUserLeft)
	}
}
