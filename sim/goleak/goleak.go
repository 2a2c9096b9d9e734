// Package goleak is the simulator's drop-in for go.uber.org/goleak. Under the
// simulator a schedule can end with a leak check of its own (a goroutine still
// blocked when the body returns fails the schedule, naming where it waits): the
// course's checks always make it, and explore, which follows go test's rule
// (no check), makes it for a test that calls VerifyNone or Find. These
// functions accept the same arguments as goleak's and check nothing more.
package goleak

import "github.com/gocourse/gocourse/sim"

// TestingT is the part of *testing.T that VerifyNone uses.
type TestingT interface {
	Error(args ...any)
}

// Option configures a leak check; under the simulator options have no effect.
type Option interface{ option() }

type option struct{}

//go:norace
func (option) option() {}

// VerifyNone asks for the simulator's leak check, which it makes at the end of
// each schedule, also where goroutines a test leaves behind are otherwise a
// note (sim.CheckLeaks).
//
//go:norace
func VerifyNone(t TestingT, options ...Option) { sim.CheckLeaks() }

// Find asks for the leak check, as VerifyNone, and reports no leak itself: the
// simulator reports leaks at the end of each schedule.
//
//go:norace
func Find(options ...Option) error {
	sim.CheckLeaks()
	return nil
}

// IgnoreTopFunction is accepted and ignored.
//
//go:norace
func IgnoreTopFunction(f string) Option { return option{} }

// IgnoreAnyFunction is accepted and ignored.
//
//go:norace
func IgnoreAnyFunction(f string) Option { return option{} }

// IgnoreCurrent is accepted and ignored.
//
//go:norace
func IgnoreCurrent() Option { return option{} }

// MaxRetryAttempts is accepted and ignored.
//
//go:norace
func MaxRetryAttempts(num int) Option { return option{} }

// MaxSleepInterval is accepted and ignored.
//
//go:norace
func MaxSleepInterval(d any) Option { return option{} }
