// Package signal is the drop-in for package os/signal in programs run under
// sim.
//
// Notify, Stop, Ignore, Ignored, Reset and NotifyContext have the standard
// signatures, except that a channel is a *sim.Chan[os.Signal] and a context
// is a sim/context Context. No real signal reaches a run: a test or the
// harness delivers one with Deliver (now) or DeliverAt (at a virtual time).
// A delivery is what the runtime does: a non-blocking send of the signal on
// every channel registered for it, so a full channel misses it. A signal
// that no channel is registered for and that is not ignored does what the
// runtime does by default: SIGHUP, SIGINT, SIGTERM, SIGQUIT, SIGILL,
// SIGTRAP and SIGABRT (and SIGKILL, always) end the run as a fatal error,
// since they would kill the process; any other signal is dropped.
//
// The registrations belong to the run: a run starts with none, whatever the
// run before registered.
package signal

import (
	"os"
	"syscall"
	stdtime "time"

	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/context"
)

// numSig is the number of signals a handler can ask for (0 to 64).
const numSig = 65

// handler is the set of signals one channel wants.
type handler struct {
	c    *sim.Chan[os.Signal]
	mask [(numSig + 31) / 32]uint32
}

//go:norace
func (h *handler) want(sig int) bool { return (h.mask[sig/32]>>uint(sig&31))&1 != 0 }

//go:norace
func (h *handler) set(sig int) { h.mask[sig/32] |= 1 << uint(sig&31) }

//go:norace
func (h *handler) clear(sig int) { h.mask[sig/32] &^= 1 << uint(sig&31) }

//go:norace
func (h *handler) empty() bool { return h.mask == [len(h.mask)]uint32{} }

// handlers are the registrations of the run, in the order the channels were
// first registered (deliveries go in that order).
var handlers struct {
	obj     sim.Object
	list    []*handler
	ignored [numSig]bool
}

func init() {
	sim.SetDeliverSignal(Deliver)
	sim.WatchSignals(func() bool {
		if sim.Current() == nil {
			return false
		}
		if handlers.obj.Use("signals") { // an earlier run's: nothing registered in this one
			handlers.list = nil
			handlers.ignored = [numSig]bool{}
			return false
		}
		for _, h := range handlers.list {
			if !h.empty() {
				return true
			}
		}
		return false
	})
}

// use starts an operation on the table: a run starts with an empty one.
//
//go:norace
func use() {
	if sim.Current() == nil {
		return
	}
	if handlers.obj.Use("signals") {
		handlers.list = nil
		handlers.ignored = [numSig]bool{}
	}
	handlers.obj.Changed()
}

//go:norace
func signum(sig os.Signal) int {
	switch sig := sig.(type) {
	case syscall.Signal:
		i := int(sig)
		if i < 0 || i >= numSig {
			return -1
		}
		return i
	default:
		return -1
	}
}

//go:norace
func find(c *sim.Chan[os.Signal]) (int, *handler) {
	for i, h := range handlers.list {
		if h.c == c {
			return i, h
		}
	}
	return -1, nil
}

//go:norace
func yield(op string) {
	if sim.Current() != nil {
		sim.Yield(op)
	}
}

// Notify causes package signal to relay incoming signals to c. If no signals
// are provided, all incoming signals will be relayed to c. Otherwise, just
// the provided signals will.
//
// Package signal will not block sending to c: the caller must ensure that c
// has sufficient buffer space to keep up with the expected signal rate. For
// a channel used for notification of just one signal value, a buffer of
// size 1 is sufficient.
//
//go:norace
func Notify(c *sim.Chan[os.Signal], sig ...os.Signal) {
	if c == nil {
		panic("os/signal: Notify using nil channel")
	}
	yield("signal.Notify")
	use()
	_, h := find(c)
	if h == nil {
		h = &handler{c: c}
		handlers.list = append(handlers.list, h)
	}
	if len(sig) == 0 {
		for n := 0; n < numSig; n++ {
			notifyOne(h, n)
		}
	} else {
		for _, s := range sig {
			notifyOne(h, signum(s))
		}
	}
	sim.Event("signal.Notify", c, "")
}

// (Named functions, not closures: the race detector must not see the
// handlers table, which is sim's own memory; see sim/race.md.)
//
//go:norace
func notifyOne(h *handler, n int) {
	if n < 0 {
		return
	}
	h.set(n)
	handlers.ignored[n] = false
}

//go:norace
func removeSig(n int, action func(int)) {
	if n < 0 {
		return
	}
	kept := handlers.list[:0]
	for _, h := range handlers.list {
		h.clear(n)
		if !h.empty() {
			kept = append(kept, h)
		}
	}
	clear(handlers.list[len(kept):])
	handlers.list = kept
	action(n)
}

//go:norace
func ignoreSig(n int) { handlers.ignored[n] = true }

//go:norace
func unignoreSig(n int) { handlers.ignored[n] = false }

// cancel stops relaying sigs (all of them when none is given) to any
// channel, and then calls action on each.
//
//go:norace
func cancel(sigs []os.Signal, action func(int)) {
	use()
	if len(sigs) == 0 {
		for n := 0; n < numSig; n++ {
			removeSig(n, action)
		}
	} else {
		for _, s := range sigs {
			removeSig(signum(s), action)
		}
	}
}

// Ignore causes the provided signals to be ignored. If no signals are
// provided, all incoming signals will be ignored.
//
//go:norace
func Ignore(sig ...os.Signal) {
	yield("signal.Ignore")
	cancel(sig, ignoreSig)
}

// Ignored reports whether sig is currently ignored.
//
//go:norace
func Ignored(sig os.Signal) bool {
	yield("signal.Ignored")
	use()
	n := signum(sig)
	return n >= 0 && handlers.ignored[n]
}

// Reset undoes the effect of any prior calls to Notify or Ignore for the
// provided signals. If no signals are provided, all signal handlers will be
// reset.
//
//go:norace
func Reset(sig ...os.Signal) {
	yield("signal.Reset")
	cancel(sig, unignoreSig)
}

// Stop causes package signal to stop relaying incoming signals to c. When
// Stop returns, it is guaranteed that c will receive no more signals.
//
//go:norace
func Stop(c *sim.Chan[os.Signal]) {
	yield("signal.Stop")
	use()
	i, _ := find(c)
	if i < 0 {
		return
	}
	for ; i+1 < len(handlers.list); i++ {
		handlers.list[i] = handlers.list[i+1]
	}
	handlers.list[i] = nil
	handlers.list = handlers.list[:i]
}

// Deliver delivers sig to the running program now, as if the process had
// received it: a non-blocking send on every channel registered for it, in
// the order they were registered; with none and sig not ignored, the
// runtime's default action (see the package documentation). It is a
// schedule point. It panics outside a run.
//
//go:norace
func Deliver(sig os.Signal) {
	if sim.Current() == nil {
		panic("sim/signal: Deliver outside a sim run")
	}
	sim.Yield("signal.Deliver")
	if deliver(sig) {
		sim.Fatal(killed(sig))
	}
}

// DeliverAt delivers sig when d of virtual time has passed from now, as
// Deliver does. It panics outside a run.
//
//go:norace
func DeliverAt(d stdtime.Duration, sig os.Signal) {
	if sim.Current() == nil {
		panic("sim/signal: DeliverAt outside a sim run")
	}
	sim.StartTimer(sim.Now()+max(int64(d), 0), func() {
		if deliver(sig) {
			// A timer function must not end the run itself: the
			// runtime's default action runs on a goroutine.
			sim.Go(func() { sim.Fatal(killed(sig)) })
		}
	})
}

// deliver relays sig and reports whether it kills the process instead.
//
//go:norace
func deliver(sig os.Signal) (kill bool) {
	use()
	sim.Event("signal", nil, sig.String())
	n := signum(sig)
	if n == int(syscall.SIGKILL) {
		return true
	}
	delivered := false
	if n >= 0 {
		for _, h := range handlers.list {
			if h.want(n) {
				delivered = true
				h.c.TrySend(sig) // a full channel misses it
			}
		}
	}
	if delivered || n >= 0 && handlers.ignored[n] {
		return false
	}
	switch sig {
	case syscall.SIGHUP, syscall.SIGINT, syscall.SIGTERM, syscall.SIGQUIT,
		syscall.SIGILL, syscall.SIGTRAP, syscall.SIGABRT:
		return true
	}
	return false
}

//go:norace
func killed(sig os.Signal) string {
	return "signal: " + sig.String() + " (no signal.Notify for it: the process is killed)"
}

// NotifyContext returns a copy of the parent context that is marked done
// (its Done channel is closed) when one of the listed signals arrives, when
// the returned stop function is called, or when the parent context's Done
// channel is closed, whichever happens first. Its cause is an error that
// reads "interrupt signal received" and is context.Canceled to errors.Is.
//
//go:norace
func NotifyContext(parent context.Context, signals ...os.Signal) (ctx context.Context, stop context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(parent)
	c := &signalCtx{
		Context: ctx,
		cancel:  cancel,
		signals: signals,
	}
	c.ch = sim.MakeChan[os.Signal](1).Named("signal.NotifyContext")
	Notify(c.ch, c.signals...)
	if ctx.Err() == nil {
		sim.Go(func() {
			var s os.Signal
			if sim.Select(false, sim.RecvCase(c.ch, &s, nil), sim.RecvCase(c.Done(), nil, nil)) == 0 {
				c.cancel(signalError(s.String() + " signal received"))
			}
		})
	}
	return c, c.stop
}

type signalCtx struct {
	context.Context

	cancel  context.CancelCauseFunc
	signals []os.Signal
	ch      *sim.Chan[os.Signal]
}

//go:norace
func (c *signalCtx) stop() {
	c.cancel(nil)
	Stop(c.ch)
}

type stringer interface {
	String() string
}

//go:norace
func (c *signalCtx) String() string {
	var buf []byte
	// We know that the type of c.Context is context.cancelCtx, and we know
	// that the String method of cancelCtx returns a string that ends with
	// ".WithCancel".
	name := c.Context.(stringer).String()
	name = name[:len(name)-len(".WithCancel")]
	buf = append(buf, "signal.NotifyContext("+name...)
	if len(c.signals) != 0 {
		buf = append(buf, ", ["...)
		for i, s := range c.signals {
			buf = append(buf, s.String()...)
			if i != len(c.signals)-1 {
				buf = append(buf, ' ')
			}
		}
		buf = append(buf, ']')
	}
	buf = append(buf, ')')
	return string(buf)
}

type signalError string

//go:norace
func (s signalError) Error() string {
	return string(s)
}

//go:norace
func (s signalError) Is(target error) bool {
	return target == context.Canceled
}
