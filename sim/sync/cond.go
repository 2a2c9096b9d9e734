package sync

import (
	"sync/atomic"
	"unsafe"

	"github.com/gocourse/gocourse/sim"
)

// Cond implements a condition variable, a rendezvous point for goroutines
// waiting for or announcing the occurrence of an event.
//
// Each Cond has an associated Locker L (often a *Mutex or *RWMutex), which
// must be held when changing the condition and when calling Wait.
//
// As in the runtime (notifyList), a goroutine takes a ticket before Wait
// unlocks L: a Signal that comes after the ticket and before the goroutine
// parks is not lost.
type Cond struct {
	noCopy noCopy

	// L is held while observing or changing the condition
	L Locker

	obj     sim.Object
	notify  notifyList
	checker copyChecker
}

// notifyList is the runtime's ticket-based list of waiters.
type notifyList struct {
	wait    uint32 // ticket number of the next waiter
	notify  uint32 // ticket number of the next waiter to be notified
	waiters []condWaiter
}

type condWaiter struct {
	ticket uint32
	g      *sim.G
}

// NewCond returns a new Cond with Locker l.
//
//go:norace
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

//go:norace
func (c *Cond) use() {
	if c.obj.Use("cond") {
		c.notify = notifyList{}
	}
	c.obj.Changed()
}

// Wait atomically unlocks c.L and suspends execution of the calling
// goroutine ("sync.Cond.Wait"). After later resuming execution, Wait locks
// c.L before returning. Wait cannot return unless awoken by Broadcast or
// Signal.
//
//go:norace
func (c *Cond) Wait() {
	c.checker.check()
	if yield("sync.Cond.Wait") {
		c.use()
	}
	t := c.notify.wait // runtime_notifyListAdd
	c.notify.wait++
	sim.Event("wait", &c.obj, "")
	c.L.Unlock()
	// runtime_notifyListWait: return at once if already notified.
	if int32(t-c.notify.notify) >= 0 {
		c.notify.waiters = append(c.notify.waiters, condWaiter{t, current("sync.Cond.Wait")})
		sim.Park("sync.Cond.Wait", &c.obj)
	}
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if there is any.
//
//go:norace
func (c *Cond) Signal() {
	c.checker.check()
	if yield("sync.Cond.Signal") {
		c.use()
	}
	sim.Event("signal", &c.obj, "")
	l := &c.notify
	if l.wait == l.notify {
		return
	}
	t := l.notify
	l.notify++
	for i, w := range l.waiters {
		if w.ticket == t {
			for ; i+1 < len(l.waiters); i++ { // not copy: see sema.go
				l.waiters[i] = l.waiters[i+1]
			}
			l.waiters = l.waiters[:i]
			sim.Ready(w.g)
			return
		}
	}
	// The waiter with ticket t has not parked yet; it will see that it
	// has been notified and not park.
}

// Broadcast wakes all goroutines waiting on c.
//
//go:norace
func (c *Cond) Broadcast() {
	c.checker.check()
	if yield("sync.Cond.Broadcast") {
		c.use()
	}
	sim.Event("broadcast", &c.obj, "")
	l := &c.notify
	if l.wait == l.notify {
		return
	}
	l.notify = l.wait
	ws := l.waiters
	l.waiters = nil
	for _, w := range ws {
		sim.Ready(w.g)
	}
}

// copyChecker holds back pointer to itself to detect object copying.
type copyChecker uintptr

//go:norace
func (c *copyChecker) check() {
	// Check if c has been copied in three steps, as the real one does.
	if uintptr(*c) != uintptr(unsafe.Pointer(c)) &&
		!atomic.CompareAndSwapUintptr((*uintptr)(c), 0, uintptr(unsafe.Pointer(c))) &&
		uintptr(*c) != uintptr(unsafe.Pointer(c)) {
		panic("sync.Cond is copied")
	}
}
