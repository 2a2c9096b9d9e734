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
//
//go:norace
func (s *sema) acquire(reason string, obj *sim.Object) {
	if s.count > 0 {
		s.count--
		return
	}
	s.waiters = append(s.waiters, current(reason))
	sim.Park(reason, obj)
}

// release wakes the first waiter, or adds one to the count.
//
//go:norace
func (s *sema) release() {
	if len(s.waiters) == 0 {
		s.count++
		return
	}
	sim.Ready(popFront(&s.waiters))
}

// current returns the running goroutine, which is about to park for reason.
// Outside a run nothing could ever wake it: that is a misuse.
//
//go:norace
func current(reason string) *sim.G {
	g := sim.Current()
	if g == nil {
		panic("sim/sync: " + reason + " would block outside a sim run" + sim.InitWaiter())
	}
	return g
}

//go:norace
func popFront(q *[]*sim.G) *sim.G {
	// Loops, not copy: the runtime's typedslicecopy would tell the race
	// detector about sim's own memory (see sim/race.md).
	g := (*q)[0]
	for i := 1; i < len(*q); i++ {
		(*q)[i-1] = (*q)[i]
	}
	(*q)[len(*q)-1] = nil
	*q = (*q)[:len(*q)-1]
	return g
}

//go:norace
func pushFront(q *[]*sim.G, g *sim.G) {
	*q = append(*q, nil)
	for i := len(*q) - 1; i > 0; i-- {
		(*q)[i] = (*q)[i-1]
	}
	(*q)[0] = g
}

// yield is the schedule point before an operation, inside a run.
//
//go:norace
func yield(op string) bool {
	if sim.Current() == nil {
		return false
	}
	sim.Yield(op)
	return true
}
