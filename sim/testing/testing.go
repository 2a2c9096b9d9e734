// Package testing is the simulator's drop-in for the standard testing package. The
// rewriter points a test file's import of "testing" here, so that a Test function
// runs unchanged under the simulator: t.Errorf fails the current schedule, t.Fatalf
// ends the test's goroutine, and subtests run in goroutines of their own, as they do
// for real.
//
// Only the harness runs tests; the types exist so that test files compile unchanged.
// Benchmarks and fuzz targets compile but are not run under the simulator.
package testing

import (
	"fmt"
	"io"
	"os"
	"strings"
	stdtesting "testing"
	"time"
	"unsafe"

	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/context"
)

// TB is the interface common to T and B, as in the standard library.
type TB interface {
	Cleanup(func())
	Error(args ...any)
	Errorf(format string, args ...any)
	Fail()
	FailNow()
	Failed() bool
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Helper()
	Log(args ...any)
	Logf(format string, args ...any)
	Name() string
	Setenv(key, value string)
	Chdir(dir string)
	Skip(args ...any)
	SkipNow()
	Skipf(format string, args ...any)
	Skipped() bool
	TempDir() string
	Context() context.Context
	Output() io.Writer
}

// common holds what T and B share.
type common struct {
	name     string
	failed   bool
	skipped  bool
	finished bool
	done     bool // the test and its subtests have completed: its log is closed
	cleanups []func()
	parent   *common
	out      strings.Builder
	raceMu   uint64 // the real one's mu, for the race detector (see sync)
	ctx      context.Context
	cancel   context.CancelFunc
}

// sync tells the race detector what the real T's mutex does: the methods
// that touch its state (Fail, Log, ...) are ordered one after the other.
//
//go:norace
func (c *common) sync() {
	sim.RaceAcquire(unsafe.Pointer(&c.raceMu))
	sim.RaceReleaseMerge(unsafe.Pointer(&c.raceMu))
}

// T is a test's handle under the simulator.
type T struct{ common }

// New returns the handle for a top-level test of that name. The harness calls it
// once per schedule.
//
//go:norace
func New(name string) *T { return &T{common{name: name}} }

// Name returns the test's name.
//
//go:norace
func (c *common) Name() string { return c.name }

// Fail marks the test, and the schedule, as failed.
//
//go:norace
func (c *common) Fail() {
	c.checkDone()
	already := c.failed
	for p := c; p != nil; p = p.parent {
		p.sync()
		p.failed = true
	}
	if !already { // Errorf and friends have said why already
		sim.Fail(c.name + " failed")
	}
}

// Failed reports whether the test failed.
//
//go:norace
func (c *common) Failed() bool { c.sync(); return c.failed }

// FailNow marks the test failed and ends its goroutine.
//
//go:norace
func (c *common) FailNow() {
	c.Fail()
	c.finished = true
	runtime_Goexit()
}

//go:norace
func (c *common) fail(msg string) {
	c.checkDone()
	for p := c; p != nil; p = p.parent {
		p.sync()
		p.failed = true
	}
	sim.Fail(c.name + ": " + msg)
}

// Error is Log followed by Fail.
//
//go:norace
func (c *common) Error(args ...any) { c.fail(fmt.Sprintln(args...)[:len(fmt.Sprintln(args...))-1]) }

// Errorf is Logf followed by Fail.
//
//go:norace
func (c *common) Errorf(format string, args ...any) { c.fail(fmt.Sprintf(format, args...)) }

// Fatal is Log followed by FailNow.
//
//go:norace
func (c *common) Fatal(args ...any) { c.Error(args...); c.finished = true; runtime_Goexit() }

// Fatalf is Logf followed by FailNow.
//
//go:norace
func (c *common) Fatalf(format string, args ...any) {
	c.Errorf(format, args...)
	c.finished = true
	runtime_Goexit()
}

// Log records text in the test's log.
//
//go:norace
func (c *common) Log(args ...any) {
	c.sync()
	fmt.Fprintln(&c.out, args...)
}

// Logf records formatted text in the test's log.
//
//go:norace
func (c *common) Logf(format string, args ...any) {
	c.sync()
	fmt.Fprintf(&c.out, format, args...)
	c.out.WriteByte('\n')
}

// checkDone panics as the testing package does when a goroutine fails a
// test that has completed (Fail, Error, Fatal...): the outermost completed
// test of the chain is named, as its Fail runs first. (A Log after the
// test completed goes to the log of a parent still running, in the end the
// test binary's, which runs as long as the process does: no panic.)
//
//go:norace
func (c *common) checkDone() {
	var done *common
	for p := c; p != nil; p = p.parent {
		if p.done {
			done = p
		}
	}
	if done != nil {
		panic("Fail in goroutine after " + done.name + " has completed")
	}
}

// Helper does nothing: positions in sim reports already name the user's code.
//
//go:norace
func (c *common) Helper() {}

// Cleanup registers f to run when the test ends, last registered first.
//
//go:norace
func (c *common) Cleanup(f func()) { c.sync(); c.cleanups = append(c.cleanups, f) }

// runCleanups runs the registered cleanups.
//
//go:norace
func (c *common) runCleanups() {
	if c.cancel != nil {
		c.cancel()
	}
	for i := len(c.cleanups) - 1; i >= 0; i-- {
		c.cleanups[i]()
	}
	c.cleanups = nil
}

// Skip is Log followed by SkipNow.
//
//go:norace
func (c *common) Skip(args ...any) { c.Log(args...); c.SkipNow() }

// Skipf is Logf followed by SkipNow.
//
//go:norace
func (c *common) Skipf(format string, args ...any) { c.Logf(format, args...); c.SkipNow() }

// SkipNow marks the test skipped and ends its goroutine.
//
//go:norace
func (c *common) SkipNow() {
	c.sync()
	c.skipped = true
	c.finished = true
	runtime_Goexit()
}

// Skipped reports whether the test was skipped.
//
//go:norace
func (c *common) Skipped() bool { c.sync(); return c.skipped }

// TempDir returns a fresh folder, removed when the test ends.
//
//go:norace
func (c *common) TempDir() string {
	dir, err := os.MkdirTemp("", "simtest-")
	if err != nil {
		c.Fatalf("TempDir: %v", err)
	}
	c.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// Setenv sets an environment variable until the test ends.
//
//go:norace
func (c *common) Setenv(key, value string) {
	old, had := os.LookupEnv(key)
	os.Setenv(key, value)
	c.Cleanup(func() {
		if had {
			os.Setenv(key, old)
		} else {
			os.Unsetenv(key)
		}
	})
}

// Chdir changes the working folder until the test ends.
//
//go:norace
func (c *common) Chdir(dir string) {
	old, err := os.Getwd()
	if err != nil {
		c.Fatalf("Chdir: %v", err)
	}
	if err := os.Chdir(dir); err != nil {
		c.Fatalf("Chdir: %v", err)
	}
	c.Cleanup(func() { os.Chdir(old) })
}

// Context returns a context for the test that is cancelled just before the
// functions registered with Cleanup run, as the testing package's is. It is the
// simulator's context, so that rewritten code can wait on its Done channel.
func (c *common) Context() context.Context {
	if c.ctx == nil {
		c.ctx, c.cancel = context.WithCancel(context.Background())
	}
	return c.ctx
}

// Output returns a writer into the test's log.
//
//go:norace
func (c *common) Output() io.Writer { return &c.out }

// Attr records a key and value; under the simulator it goes to the log.
//
//go:norace
func (c *common) Attr(key, value string) { c.Logf("%s=%s", key, value) }

// Log returns what the test logged.
//
//go:norace
func (t *T) LogText() string { return t.out.String() }

// Parallel does nothing: the simulator runs one test at a time.
//
//go:norace
func (t *T) Parallel() {}

// Deadline reports no deadline: tests under the simulator run in virtual time.
//
//go:norace
func (t *T) Deadline() (time.Time, bool) { return time.Time{}, false }

// Run runs f as a subtest in a goroutine of its own and waits for it, as the
// testing package does. It reports whether the subtest passed.
//
//go:norace
func (t *T) Run(name string, f func(t *T)) bool {
	sub := &T{common{name: t.name + "/" + name, parent: &t.common}}
	done := sim.MakeChan[struct{}](0).Named(sub.name)
	sim.Go(func() {
		defer done.Close()
		defer func() { sub.done = true }()
		defer sub.runCleanups()
		f(sub)
	})
	done.Recv()
	return !sub.failed
}

// B is a benchmark's handle. Benchmarks compile under the simulator but the harness
// does not run them.
type B struct {
	common
	N int
}

//go:norace
func (b *B) ResetTimer() {}

//go:norace
func (b *B) StartTimer() {}

//go:norace
func (b *B) StopTimer() {}

//go:norace
func (b *B) ReportAllocs() {}

//go:norace
func (b *B) SetBytes(n int64) {}

//go:norace
func (b *B) ReportMetric(n float64, unit string) {}

//go:norace
func (b *B) Loop() bool { b.N++; return b.N <= 1 }

//go:norace
func (b *B) Run(name string, f func(b *B)) bool { return true }

//go:norace
func (b *B) RunParallel(body func(*PB)) {}

//go:norace
func (b *B) SetParallelism(p int) {}

//go:norace
func (b *B) Elapsed() time.Duration { return 0 }

// PB iterates a parallel benchmark.
type PB struct{}

// Next reports whether there are more iterations.
//
//go:norace
func (pb *PB) Next() bool { return false }

// F is a fuzz target's handle; fuzz targets compile but do not run under the
// simulator.
type F struct{ common }

//go:norace
func (f *F) Add(args ...any) {}

//go:norace
func (f *F) Fuzz(ff any) {}

//go:norace
func (f *F) Skip(args ...any) {}

// M stands in for testing.M; a TestMain cannot run under the simulator.
type M = stdtesting.M

// InternalTest is a test the harness can run.
type InternalTest struct {
	Name string
	F    func(*T)
}

// Short reports whether -test.short is set; under the simulator, false.
//
//go:norace
func Short() bool { return false }

// Verbose reports whether -test.v is set; under the simulator, false.
//
//go:norace
func Verbose() bool { return false }

// Testing reports whether the program is a test: true.
//
//go:norace
func Testing() bool { return true }

// AllocsPerRun runs f once and reports no allocations.
//
//go:norace
func AllocsPerRun(runs int, f func()) float64 { f(); return 0 }

// CoverMode reports no coverage.
//
//go:norace
func CoverMode() string { return "" }

// Finish runs a top-level test's cleanups; the harness calls it when the test ends.
//
//go:norace
func Finish(t *T) {
	t.runCleanups()
	t.done = true
}

// WasSkipped reports whether the test was skipped (and did not fail); the
// harness asks it after a run, outside it.
//
//go:norace
func WasSkipped(t *T) bool { return t.skipped && !t.failed }
