package sync

import (
	"github.com/gocourse/gocourse/sim"
)

// sema is a counting semaphore on the simulated scheduler, after the
// runtime's sema.go: a release with a goroutine waiting hands the count
// straight to the first one (FIFO); otherwise the count goes up.
type sema struct {
	count   uint32
	waiters []*sim.G // parked in acquire, first to wake first
}

// acquire takes one from the count, parking the running goroutine for
// reason on obj until a release hands it one.
func (s *sema) acquire(reason string, obj *sim.Object) {
	if s.count > 0 {
		s.count--
		return
	}
	s.waiters = append(s.waiters, current(reason))
	sim.Park(reason, obj)
}

// release wakes the first waiter, or adds one to the count.
func (s *sema) release() {
	if len(s.waiters) == 0 {
		s.count++
		return
	}
	sim.Ready(popFront(&s.waiters))
}

// current returns the running goroutine, which is about to park for reason.
// Outside a run nothing could ever wake it: that is a misuse.
func current(reason string) *sim.G {
	g := sim.Current()
	if g == nil {
		panic("sim/sync: " + reason + " would block outside a sim run")
	}
	return g
}

func popFront(q *[]*sim.G) *sim.G {
	g := (*q)[0]
	copy(*q, (*q)[1:])
	(*q)[len(*q)-1] = nil
	*q = (*q)[:len(*q)-1]
	return g
}

func pushFront(q *[]*sim.G, g *sim.G) {
	*q = append(*q, nil)
	copy((*q)[1:], *q)
	(*q)[0] = g
}

// yield is the schedule point before an operation, inside a run.
func yield(op string) bool {
	if sim.Current() == nil {
		return false
	}
	sim.Yield(op)
	return true
}
