// Package context is the drop-in for package context in programs run under
// sim.
//
// It is the standard package's implementation with two changes: Done
// returns a *sim.Chan[struct{}] (what a `<-chan struct{}` becomes in
// rewritten code), and deadlines are in the run's virtual time (sim/time),
// so a WithTimeout(ctx, time.Second) expires exactly one virtual second
// later, when every goroutine is blocked. Canceled and DeadlineExceeded are
// the standard error values, so errors.Is works against either package.
//
// Done, Err, Cause and the cancel functions are schedule points. A
// cancellation closes the Done channel (a trace event on "ctx#N.Done") and
// then cancels the children in the order they were made. A deadline fires
// as the real one does, through time.AfterFunc: on a goroutine of its own.
//
// Contexts with deadlines can only be made inside a run.
package context

import (
	stdcontext "context"
	"reflect"
	"unsafe"

	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/time"
)

// A Context carries a deadline, a cancellation signal, and other values
// across API boundaries. Its methods may be called by multiple goroutines
// simultaneously.
type Context interface {
	// Deadline returns the time when work done on behalf of this context
	// should be canceled. Deadline returns ok==false when no deadline is
	// set.
	Deadline() (deadline time.Time, ok bool)

	// Done returns a channel that's closed when work done on behalf of
	// this context should be canceled. Done may return nil if this context
	// can never be canceled.
	Done() *sim.Chan[struct{}]

	// If Done is not yet closed, Err returns nil. If Done is closed, Err
	// returns a non-nil error explaining why: Canceled if the context was
	// canceled or DeadlineExceeded if the context's deadline passed.
	Err() error

	// Value returns the value associated with this context for key, or
	// nil if no value is associated with key.
	Value(key any) any
}

// Canceled is the error returned by Context.Err when the context is canceled
// for some reason other than its deadline passing. It is the standard
// context.Canceled.
var Canceled = stdcontext.Canceled

// DeadlineExceeded is the error returned by Context.Err when the context is
// canceled due to its deadline passing. It is the standard
// context.DeadlineExceeded.
var DeadlineExceeded error = stdcontext.DeadlineExceeded

// An emptyCtx is never canceled, has no values, and has no deadline.
type emptyCtx struct{}

//go:norace
func (emptyCtx) Deadline() (deadline time.Time, ok bool) { return }

//go:norace
func (emptyCtx) Done() *sim.Chan[struct{}] { return nil }

//go:norace
func (emptyCtx) Err() error { return nil }

//go:norace
func (emptyCtx) Value(key any) any { return nil }

type backgroundCtx struct{ emptyCtx }

//go:norace
func (backgroundCtx) String() string { return "context.Background" }

type todoCtx struct{ emptyCtx }

//go:norace
func (todoCtx) String() string { return "context.TODO" }

// Background returns a non-nil, empty Context. It is never canceled, has no
// values, and has no deadline.
//
//go:norace
func Background() Context { return backgroundCtx{} }

// TODO returns a non-nil, empty Context. Code should use context.TODO when
// it's unclear which Context to use or it is not yet available.
//
//go:norace
func TODO() Context { return todoCtx{} }

// A CancelFunc tells an operation to abandon its work. After the first
// call, subsequent calls to a CancelFunc do nothing.
type CancelFunc func()

// WithCancel returns a derived context that points to the parent context
// but has a new Done channel. The returned context's Done channel is closed
// when the returned cancel function is called or when the parent context's
// Done channel is closed, whichever happens first.
//
//go:norace
func WithCancel(parent Context) (ctx Context, cancel CancelFunc) {
	c := withCancel(parent)
	return c, func() { c.cancel(true, Canceled, nil) }
}

// A CancelCauseFunc behaves like a CancelFunc but additionally sets the
// cancellation cause, which Cause returns.
type CancelCauseFunc func(cause error)

// WithCancelCause behaves like WithCancel but returns a CancelCauseFunc
// instead of a CancelFunc.
//
//go:norace
func WithCancelCause(parent Context) (ctx Context, cancel CancelCauseFunc) {
	c := withCancel(parent)
	return c, func(cause error) { c.cancel(true, Canceled, cause) }
}

//go:norace
func withCancel(parent Context) *cancelCtx {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	c := &cancelCtx{}
	c.propagateCancel(parent, c)
	return c
}

// Cause returns a non-nil error explaining why c was canceled: the cause
// given to its CancelCauseFunc (or its parent's), else c.Err(). It returns
// nil while c is not canceled.
//
//go:norace
func Cause(c Context) error {
	err := c.Err()
	if err == nil {
		return nil
	}
	if cc, ok := c.Value(&cancelCtxKey).(*cancelCtx); ok {
		cc.sync()
		if cc.cause != nil {
			return cc.cause
		}
	}
	return err
}

// AfterFunc arranges to call f in its own goroutine after ctx is canceled.
// If ctx is already canceled, AfterFunc calls f immediately in its own
// goroutine. Calling the returned stop function stops the association of
// ctx with f; it returns true if the call stopped f from being run.
//
//go:norace
func AfterFunc(ctx Context, f func()) (stop func() bool) {
	a := &afterFuncCtx{f: f}
	a.cancelCtx.propagateCancel(ctx, a)
	return a.stop
}

// stop is the function AfterFunc returns. (A method, not a closure: see
// sim/race.md.)
//
//go:norace
func (a *afterFuncCtx) stop() bool {
	yield("context.AfterFunc.stop")
	a.sync()
	stopped := false
	if !a.started {
		a.started = true
		stopped = true
	}
	if stopped {
		a.cancel(true, Canceled, nil)
	}
	return stopped
}

type afterFuncer interface {
	AfterFunc(func()) func() bool
}

type afterFuncCtx struct {
	cancelCtx
	started bool // either f has been started or stop has stopped it (the real one's sync.Once)
	f       func()
}

//go:norace
func (a *afterFuncCtx) cancel(removeFromParent bool, err, cause error) {
	a.cancelCtx.cancel(false, err, cause)
	if removeFromParent {
		removeChild(a.Context, a)
	}
	if !a.started {
		a.started = true
		sim.Go(a.f)
	}
}

// A stopCtx is used as the parent context of a cancelCtx when an AfterFunc
// has been registered with the parent. It holds the stop function used to
// unregister the AfterFunc.
type stopCtx struct {
	Context
	stop func() bool
}

// &cancelCtxKey is the key that a cancelCtx returns itself for.
var cancelCtxKey int

// parentCancelCtx returns the underlying *cancelCtx for parent. It does
// this by looking up parent.Value(&cancelCtxKey) to find the innermost
// enclosing *cancelCtx and then checking whether parent.Done() matches that
// *cancelCtx. (If not, the *cancelCtx has been wrapped in a custom
// implementation providing a different done channel, in which case we
// should not bypass it.)
//
//go:norace
func parentCancelCtx(parent Context) (*cancelCtx, bool) {
	done := parent.Done()
	if done == closedchan || done == nil {
		return nil, false
	}
	p, ok := parent.Value(&cancelCtxKey).(*cancelCtx)
	if !ok {
		return nil, false
	}
	if p.done != done {
		return nil, false
	}
	return p, true
}

// removeChild removes a context from its parent.
//
//go:norace
func removeChild(parent Context, child canceler) {
	if s, ok := parent.(stopCtx); ok {
		s.stop()
		return
	}
	p, ok := parentCancelCtx(parent)
	if !ok {
		return
	}
	p.sync()
	for i, c := range p.children {
		if c == child {
			// A loop, not copy or a map: sim's own memory must stay out
			// of the race detector's sight (sim/race.md).
			for ; i+1 < len(p.children); i++ {
				p.children[i] = p.children[i+1]
			}
			p.children[i] = nil
			p.children = p.children[:i]
			break
		}
	}
}

// A canceler is a context type that can be canceled directly. The
// implementations are *cancelCtx and *timerCtx.
type canceler interface {
	cancel(removeFromParent bool, err, cause error)
	Done() *sim.Chan[struct{}]
}

// closedchan is a reusable closed channel.
var closedchan = func() *sim.Chan[struct{}] {
	c := sim.MakeChan[struct{}](0).Named("context.closedchan")
	c.Close()
	return c
}()

// A cancelCtx can be canceled. When canceled, it also cancels any children
// that implement canceler.
//
// No lock guards it, because one simulated goroutine runs at a time; the
// one schedule point inside cancel (closing done) is covered as the real
// one covers it: err is set first, and Err waits for done to close.
type cancelCtx struct {
	Context

	obj      sim.Object          // names done in traces: "ctx#N.Done"
	done     *sim.Chan[struct{}] // created lazily, closed by first cancel call
	closed   bool                // done is closed
	raceMu   uint64              // the real one's mu, for the race detector (see sync)
	children []canceler          // in the order they came; set to nil by the first cancel call
	err      error               // set to non-nil by the first cancel call
	cause    error               // set to non-nil by the first cancel call
}

//go:norace
func (c *cancelCtx) Value(key any) any {
	if key == &cancelCtxKey {
		return c
	}
	return value(c.Context, key)
}

//go:norace
func (c *cancelCtx) Done() *sim.Chan[struct{}] {
	yield("context.Done")
	c.sync()
	return c.doneChan()
}

// sync tells the race detector what the real one's mutex does: the
// operations on a context (Done, Err, Cause, cancel, adding a child) are
// ordered one after the other. (A merge, not a store: sim's cancel has a
// schedule point inside, where the real one holds the lock.)
//
//go:norace
func (c *cancelCtx) sync() {
	sim.RaceAcquire(unsafe.Pointer(&c.raceMu))
	sim.RaceReleaseMerge(unsafe.Pointer(&c.raceMu))
}

//go:norace
func (c *cancelCtx) doneChan() *sim.Chan[struct{}] {
	if c.done == nil {
		c.done = sim.MakeChan[struct{}](0)
		if sim.Current() != nil {
			c.obj.Use("ctx")
			c.done.Named(c.obj.TraceName() + ".Done")
		}
	}
	return c.done
}

//go:norace
func (c *cancelCtx) Err() error {
	yield("context.Err")
	c.sync()
	if c.err != nil {
		if !c.closed {
			// cancel is closing done: wait for it, as the real Err does.
			c.done.Recv()
		}
		return c.err
	}
	return nil
}

// propagateCancel arranges for child to be canceled when parent is.
// It sets the parent context of cancelCtx.
//
//go:norace
func (c *cancelCtx) propagateCancel(parent Context, child canceler) {
	c.Context = parent

	done := parent.Done()
	if done == nil {
		return // parent is never canceled
	}

	if sim.Select(true, sim.RecvCase(done, nil, nil)) == 0 {
		// parent is already canceled
		child.cancel(false, parent.Err(), Cause(parent))
		return
	}

	if p, ok := parentCancelCtx(parent); ok {
		// parent is a *cancelCtx, or derives from one.
		if p.err != nil {
			// parent has already been canceled
			child.cancel(false, p.err, p.cause)
		} else {
			p.sync()
			p.children = append(p.children, child)
		}
		return
	}

	if a, ok := parent.(afterFuncer); ok {
		// parent implements an AfterFunc method.
		stop := a.AfterFunc(func() {
			child.cancel(false, parent.Err(), Cause(parent))
		})
		c.Context = stopCtx{
			Context: parent,
			stop:    stop,
		}
		return
	}

	sim.Go(func() {
		if sim.Select(false, sim.RecvCase(parent.Done(), nil, nil), sim.RecvCase(child.Done(), nil, nil)) == 0 {
			child.cancel(false, parent.Err(), Cause(parent))
		}
	})
}

type stringer interface {
	String() string
}

//go:norace
func contextName(c Context) string {
	if s, ok := c.(stringer); ok {
		return s.String()
	}
	return reflect.TypeOf(c).String()
}

//go:norace
func (c *cancelCtx) String() string {
	return contextName(c.Context) + ".WithCancel"
}

// cancel closes c.done, cancels each of c's children, and, if
// removeFromParent is true, removes c from its parent's children. cancel
// sets c.cause to cause if this is the first time c is canceled.
//
//go:norace
func (c *cancelCtx) cancel(removeFromParent bool, err, cause error) {
	if err == nil {
		panic("context: internal error: missing cancel error")
	}
	if cause == nil {
		cause = err
	}
	yield("context.cancel")
	c.sync()
	if c.err != nil {
		return // already canceled
	}
	c.err = err
	c.cause = cause
	c.sync()
	if sim.Current() != nil {
		c.obj.Use("ctx")
		sim.Event("cancel", &c.obj, err.Error())
	}
	if c.done == nil {
		c.done = closedchan
		c.closed = true
	} else {
		c.done.Close()
		c.closed = true
	}
	children := c.children
	c.children = nil
	// NOTE: acquiring the child's lock while holding parent's lock.
	for _, child := range children {
		child.cancel(false, err, cause)
	}

	if removeFromParent {
		removeChild(c.Context, c)
	}
}

// WithoutCancel returns a derived context that points to the parent context
// and is not canceled when parent is canceled. The returned context returns
// no Deadline or Err, and its Done channel is nil. Calling Cause on the
// returned context returns nil.
//
//go:norace
func WithoutCancel(parent Context) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	return withoutCancelCtx{parent}
}

type withoutCancelCtx struct {
	c Context
}

//go:norace
func (withoutCancelCtx) Deadline() (deadline time.Time, ok bool) { return }

//go:norace
func (withoutCancelCtx) Done() *sim.Chan[struct{}] { return nil }

//go:norace
func (withoutCancelCtx) Err() error { return nil }

//go:norace
func (c withoutCancelCtx) Value(key any) any { return value(c, key) }

//go:norace
func (c withoutCancelCtx) String() string { return contextName(c.c) + ".WithoutCancel" }

// WithDeadline returns a derived context that points to the parent context
// but has the deadline adjusted to be no later than d, in virtual time. The
// returned context's Done channel is closed when the deadline expires, when
// the returned cancel function is called, or when the parent context's Done
// channel is closed, whichever happens first.
//
//go:norace
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	return WithDeadlineCause(parent, d, nil)
}

// WithDeadlineCause behaves like WithDeadline but also sets the cause of the
// returned Context when the deadline is exceeded.
//
//go:norace
func WithDeadlineCause(parent Context, d time.Time, cause error) (Context, CancelFunc) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
		// The current deadline is already sooner than the new one.
		return WithCancel(parent)
	}
	c := &timerCtx{
		deadline: d,
	}
	c.cancelCtx.propagateCancel(parent, c)
	dur := time.Until(d)
	if dur <= 0 {
		c.cancel(true, DeadlineExceeded, cause) // deadline has already passed
		return c, func() { c.cancel(false, Canceled, nil) }
	}
	if c.err == nil {
		c.timer = time.AfterFunc(dur, func() {
			c.cancel(true, DeadlineExceeded, cause)
		})
	}
	return c, func() { c.cancel(true, Canceled, nil) }
}

// A timerCtx carries a timer and a deadline. It embeds a cancelCtx to
// implement Done and Err. It implements cancel by stopping its timer then
// delegating to cancelCtx.cancel.
type timerCtx struct {
	cancelCtx
	timer *time.Timer

	deadline time.Time
}

//go:norace
func (c *timerCtx) Deadline() (deadline time.Time, ok bool) {
	return c.deadline, true
}

//go:norace
func (c *timerCtx) String() string {
	return contextName(c.cancelCtx.Context) + ".WithDeadline(" +
		c.deadline.String() + " [" +
		time.Until(c.deadline).String() + "])"
}

//go:norace
func (c *timerCtx) cancel(removeFromParent bool, err, cause error) {
	c.cancelCtx.cancel(false, err, cause)
	if removeFromParent {
		// Remove this timerCtx from its parent cancelCtx's children.
		removeChild(c.cancelCtx.Context, c)
	}
	if c.timer != nil {
		c.timer.Stop()
		c.timer = nil
	}
}

// WithTimeout returns WithDeadline(parent, time.Now().Add(timeout)), in
// virtual time.
//
//go:norace
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	return WithDeadline(parent, time.Now().Add(timeout))
}

// WithTimeoutCause behaves like WithTimeout but also sets the cause of the
// returned Context when the timeout expires.
//
//go:norace
func WithTimeoutCause(parent Context, timeout time.Duration, cause error) (Context, CancelFunc) {
	return WithDeadlineCause(parent, time.Now().Add(timeout), cause)
}

// WithValue returns a derived context that points to the parent Context. In
// the derived context, the value associated with key is val. The provided
// key must be comparable.
//
//go:norace
func WithValue(parent Context, key, val any) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if key == nil {
		panic("nil key")
	}
	if !reflect.TypeOf(key).Comparable() {
		panic("key is not comparable")
	}
	return &valueCtx{parent, key, val}
}

// A valueCtx carries a key-value pair. It implements Value for that key and
// delegates all other calls to the embedded Context.
type valueCtx struct {
	Context
	key, val any
}

// stringify tries a bit to stringify v, without using fmt, as the real one.
//
//go:norace
func stringify(v any) string {
	switch s := v.(type) {
	case stringer:
		return s.String()
	case string:
		return s
	case nil:
		return "<nil>"
	}
	return reflect.TypeOf(v).String()
}

//go:norace
func (c *valueCtx) String() string {
	return contextName(c.Context) + ".WithValue(" +
		stringify(c.key) + ", " +
		stringify(c.val) + ")"
}

//go:norace
func (c *valueCtx) Value(key any) any {
	if c.key == key {
		return c.val
	}
	return value(c.Context, key)
}

//go:norace
func value(c Context, key any) any {
	for {
		switch ctx := c.(type) {
		case *valueCtx:
			if key == ctx.key {
				return ctx.val
			}
			c = ctx.Context
		case *cancelCtx:
			if key == &cancelCtxKey {
				return c
			}
			c = ctx.Context
		case withoutCancelCtx:
			if key == &cancelCtxKey {
				// This implements Cause(ctx) == nil
				// when ctx is created using WithoutCancel.
				return nil
			}
			c = ctx.c
		case *timerCtx:
			if key == &cancelCtxKey {
				return &ctx.cancelCtx
			}
			c = ctx.Context
		case backgroundCtx, todoCtx:
			return nil
		default:
			return c.Value(key)
		}
	}
}

// yield is the schedule point before an operation, inside a run.
//
//go:norace
func yield(op string) {
	if sim.Current() != nil {
		sim.Yield(op)
	}
}
