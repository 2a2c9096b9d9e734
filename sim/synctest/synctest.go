// Package synctest is the drop-in for testing/synctest in tests run under
// sim (whose "testing" is sim/testing).
//
// A sim run is a bubble already: one virtual clock, which moves only when
// every goroutine is blocked. Test runs f on a goroutine of its own (the
// bubble's main goroutine) with a T of its own, runs that T's cleanups on
// it when f returns, and then waits, with time stopped, until every
// goroutine started since is blocked or gone. Goroutines still blocked then
// make Test panic "deadlock: main bubble goroutine has exited but blocked
// goroutines remain", as the real one does; each of them is listed among
// the run's failures with where it is parked. Wait blocks until every other
// goroutine is durably blocked.
//
// Differences from the real package: every goroutine of the run counts as
// inside the bubble for Wait (the real one ignores goroutines started
// outside it); every parked goroutine counts as durably blocked, a
// goroutine waiting for a sync.Mutex included (the real Wait would wait
// for it forever); and when every goroutine of a bubble blocks before f
// returns, the run reports a deadlock with each goroutine, where the real
// Test panics "deadlock: all goroutines in bubble are blocked".
package synctest

import (
	"strings"

	"github.com/gocourse/gocourse/sim"
	simtesting "github.com/gocourse/gocourse/sim/testing"
)

// deadlockError is the panic value of Test when goroutines of the bubble
// stay blocked after its main goroutine has exited, as in the runtime.
type deadlockError struct{ reason string }

//go:norace
func (e deadlockError) Error() string { return e.reason }

// Test executes f in a new bubble. It waits for the goroutines f started
// to exit; if they stay blocked, it panics. If f fails (t.Error, t.Fatal,
// ...), Test fails t.
//
// The *T given to f has its own cleanups, which run in the bubble
// immediately after f returns. T.Run, T.Parallel and T.Deadline must not be
// called.
//
//go:norace
func Test(t *simtesting.T, f func(*simtesting.T)) {
	if bubble(t.Name(), f) {
		t.FailNow()
	}
}

// bubble runs f as Test does and reports whether it failed.
//
//go:norace
func bubble(name string, f func(*simtesting.T)) (failed bool) {
	if sim.Current() == nil {
		panic("sim/synctest: Test outside a sim run")
	}
	sim.FreezeRunningTime() // a bubble's time moves only when it is blocked
	inner := simtesting.New(name)
	done := sim.MakeChan[struct{}](0).Named("synctest.Test")
	first := sim.Current().ID() // the bubble's goroutines come after every one so far
	for _, g := range sim.Goroutines() {
		first = max(first, g.ID)
	}
	first++
	sim.Go(func() {
		defer done.Close()
		defer simtesting.Finish(inner)
		f(inner)
	})
	done.Recv()
	sim.WaitIdle() // time stops once the bubble's main goroutine has exited
	var left []string
	for _, g := range sim.Goroutines() {
		if g.ID >= first {
			left = append(left, g.String())
		}
	}
	if len(left) > 0 {
		sim.Fail("synctest: blocked goroutines remain in the bubble:\n  " + strings.Join(left, "\n  "))
		panic(deadlockError{"deadlock: main bubble goroutine has exited but blocked goroutines remain"})
	}
	return inner.Failed()
}

// Run executes f in a new bubble, waits for the goroutines it starts to
// exit, and panics if they stay blocked, as Test does without a T.
//
// Deprecated: use Test, as the real package says.
//
//go:norace
func Run(f func()) {
	bubble("synctest.Run", func(*simtesting.T) { f() })
}

// Wait blocks until every goroutine of the run, other than the current
// one, is durably blocked (parked, and not on a timer that is due). Time
// does not move while it waits. It panics "wait already in progress" when
// another goroutine is in Wait.
//
//go:norace
func Wait() {
	if sim.Current() == nil {
		panic("goroutine is not in a bubble")
	}
	sim.WaitIdle()
}
