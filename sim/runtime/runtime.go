// Package runtime is the drop-in for package runtime in programs run under
// sim.
//
// Gosched and NumGoroutine are the simulator's: Gosched is a schedule
// point, and NumGoroutine counts the goroutines of the run. GOMAXPROCS
// accepts a new value and reports it back, but changes nothing: one
// simulated goroutine runs at a time whatever it says, and the strategy
// decides who. Inside a run, NumCPU and the initial GOMAXPROCS are a fixed
// 4, so that a program that sizes its worker pool by them runs the same on
// every machine and its replay tokens travel. LockOSThread and
// UnlockOSThread do nothing inside a run, and finalizers and cleanups are
// checked but never run there (the language does not promise that they
// run), so that no code of the run ever runs outside the scheduler's
// control.
//
// Everything else passes through to the standard package: types are
// aliases (Error, Frame, Func, MemStats, ...), and Caller, Callers,
// CallersFrames, FuncForPC, Stack, GC, KeepAlive, Goexit, Version, GOOS and
// GOARCH are the real ones. Stack and the frames of Callers include the
// simulator's own frames below the goroutine's function.
package runtime

import (
	"reflect"
	stdruntime "runtime"
	"unsafe"

	"github.com/gocourse/gocourse/sim"
)

// Constants of package runtime.
const (
	Compiler = stdruntime.Compiler
	GOARCH   = stdruntime.GOARCH
	GOOS     = stdruntime.GOOS
)

// MemProfileRate is a copy of runtime.MemProfileRate: setting it does not
// change the real one.
var MemProfileRate = stdruntime.MemProfileRate

// Types of package runtime.
type (
	BlockProfileRecord = stdruntime.BlockProfileRecord
	Cleanup            = stdruntime.Cleanup
	Error              = stdruntime.Error
	Frame              = stdruntime.Frame
	Frames             = stdruntime.Frames
	Func               = stdruntime.Func
	MemProfileRecord   = stdruntime.MemProfileRecord
	MemStats           = stdruntime.MemStats
	PanicNilError      = stdruntime.PanicNilError
	Pinner             = stdruntime.Pinner
	StackRecord        = stdruntime.StackRecord
	TypeAssertionError = stdruntime.TypeAssertionError
)

// simCPUs is NumCPU inside a run, and GOMAXPROCS until the program sets it.
const simCPUs = 4

// procs is the GOMAXPROCS setting of the run in progress.
var procs struct {
	obj sim.Object
	n   int
}

//go:norace
func inRun() bool { return sim.Current() != nil }

// Gosched yields the processor, allowing other goroutines to run: a
// schedule point.
//
//go:norace
func Gosched() { sim.Gosched() }

// NumGoroutine returns the number of goroutines of the run that have not
// exited.
//
//go:norace
func NumGoroutine() int { return sim.NumGoroutine() }

// NumCPU returns 4 inside a run (see the package documentation), else the
// number of logical CPUs usable by the current process.
//
//go:norace
func NumCPU() int {
	if inRun() {
		return simCPUs
	}
	return stdruntime.NumCPU()
}

// GOMAXPROCS sets the number of processors the program may use and returns
// the previous setting; n < 1 leaves it unchanged. Inside a run it starts at
// 4, and the setting is only reported back: the simulator runs one
// goroutine at a time whatever it is. It is a schedule point.
//
//go:norace
func GOMAXPROCS(n int) int {
	if !inRun() {
		return stdruntime.GOMAXPROCS(n)
	}
	sim.Yield("runtime.GOMAXPROCS")
	if procs.obj.Use("gomaxprocs") || procs.n == 0 {
		procs.n = simCPUs
	}
	prev := procs.n
	if n > 0 {
		procs.n = n
		procs.obj.Changed()
		sim.Event("gomaxprocs", nil, "")
	}
	return prev
}

// SetDefaultGOMAXPROCS puts GOMAXPROCS back to its default (4 inside a run).
//
//go:norace
func SetDefaultGOMAXPROCS() {
	if !inRun() {
		stdruntime.SetDefaultGOMAXPROCS()
		return
	}
	GOMAXPROCS(simCPUs)
}

// Goexit terminates the goroutine that calls it, after running its deferred
// calls. The simulator sees the goroutine exit.
//
//go:norace
func Goexit() { stdruntime.Goexit() }

// GC runs a garbage collection.
//
//go:norace
func GC() { stdruntime.GC() }

// KeepAlive marks its argument as currently reachable.
//
//go:norace
func KeepAlive(x any) { stdruntime.KeepAlive(x) }

// Caller reports file and line number information about function
// invocations on the calling goroutine's stack, as runtime.Caller does.
//
//go:norace
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	return stdruntime.Caller(skip + 1)
}

// Callers fills the slice pc with the return program counters of function
// invocations on the calling goroutine's stack, as runtime.Callers does
// (skip 0 is this function, 1 its caller).
//
//go:norace
func Callers(skip int, pc []uintptr) int {
	return stdruntime.Callers(skip+1, pc)
}

// CallersFrames takes a slice of PCs returned by Callers and prepares to
// return function/file/line information.
//
//go:norace
func CallersFrames(callers []uintptr) *Frames { return stdruntime.CallersFrames(callers) }

// FuncForPC returns a *Func describing the function that contains the given
// program counter address, or else nil.
//
//go:norace
func FuncForPC(pc uintptr) *Func { return stdruntime.FuncForPC(pc) }

// Stack formats a stack trace of the calling goroutine into buf and returns
// the number of bytes written to buf. If all is true, Stack formats stack
// traces of all real goroutines of the process, the simulator's included.
//
//go:norace
func Stack(buf []byte, all bool) int { return stdruntime.Stack(buf, all) }

// Version returns the Go tree's version string.
//
//go:norace
func Version() string { return stdruntime.Version() }

// GOROOT returns the root of the Go tree.
//
// Deprecated: as runtime.GOROOT.
//
//go:norace
func GOROOT() string { return stdruntime.GOROOT() }

// ReadMemStats populates m with memory allocator statistics.
//
//go:norace
func ReadMemStats(m *MemStats) { stdruntime.ReadMemStats(m) }

// SetFinalizer sets the finalizer associated with obj to the provided
// finalizer function. Inside a run, its arguments are checked as
// runtime.SetFinalizer checks them, a bad one ending the run with the same
// fatal error ("fatal error: runtime.SetFinalizer: first argument is nil");
// the finalizer is then dropped and never runs.
//
//go:norace
func SetFinalizer(obj any, finalizer any) {
	if !inRun() {
		stdruntime.SetFinalizer(obj, finalizer)
		return
	}
	if msg := badFinalizer(obj, finalizer); msg != "" {
		sim.Fatal(msg)
	}
	stdruntime.SetFinalizer(obj, finalizer)
	if finalizer != nil {
		stdruntime.SetFinalizer(obj, nil)
	}
}

// badFinalizer returns the runtime's fatal error for arguments that
// runtime.SetFinalizer would not take, or "". The runtime throws rather than
// panics, which would end the whole process that runs the simulator.
//
//go:norace
func badFinalizer(obj, finalizer any) string {
	const prefix = "runtime.SetFinalizer: "
	etyp := reflect.TypeOf(obj)
	if etyp == nil {
		return prefix + "first argument is nil"
	}
	if etyp.Kind() != reflect.Pointer {
		return prefix + "first argument is " + etyp.String() + ", not pointer"
	}
	ftyp := reflect.TypeOf(finalizer)
	if ftyp == nil {
		return ""
	}
	if ftyp.Kind() != reflect.Func {
		return prefix + "second argument is " + ftyp.String() + ", not a function"
	}
	if ftyp.IsVariadic() {
		return prefix + "cannot pass " + etyp.String() + " to finalizer " + ftyp.String() + " because dotdotdot"
	}
	if ftyp.NumIn() != 1 || !etyp.AssignableTo(ftyp.In(0)) {
		return prefix + "cannot pass " + etyp.String() + " to finalizer " + ftyp.String()
	}
	return ""
}

// AddCleanup attaches a cleanup function to ptr, as runtime.AddCleanup does.
// Inside a run the cleanup is checked, then stopped: it never runs.
//
//go:norace
func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup {
	c := stdruntime.AddCleanup(ptr, cleanup, arg)
	if inRun() {
		c.Stop()
	}
	return c
}

// LockOSThread wires the calling goroutine to its current operating system
// thread. Inside a run it does nothing.
//
//go:norace
func LockOSThread() {
	if !inRun() {
		stdruntime.LockOSThread()
	}
}

// UnlockOSThread undoes an earlier call to LockOSThread. Inside a run it
// does nothing.
//
//go:norace
func UnlockOSThread() {
	if !inRun() {
		stdruntime.UnlockOSThread()
	}
}

// Breakpoint executes a breakpoint trap.
//
//go:norace
func Breakpoint() { stdruntime.Breakpoint() }

// NumCgoCall returns the number of cgo calls made by the current process.
//
//go:norace
func NumCgoCall() int64 { return stdruntime.NumCgoCall() }

// Profiling passes through.

//go:norace
func BlockProfile(p []BlockProfileRecord) (n int, ok bool) { return stdruntime.BlockProfile(p) }

//go:norace
func CPUProfile() []byte { return stdruntime.CPUProfile() }

//go:norace
func GoroutineProfile(p []StackRecord) (n int, ok bool) { return stdruntime.GoroutineProfile(p) }

//go:norace
func MemProfile(p []MemProfileRecord, inuseZero bool) (n int, ok bool) {
	return stdruntime.MemProfile(p, inuseZero)
}

//go:norace
func MutexProfile(p []BlockProfileRecord) (n int, ok bool) { return stdruntime.MutexProfile(p) }

//go:norace
func ThreadCreateProfile(p []StackRecord) (n int, ok bool) { return stdruntime.ThreadCreateProfile(p) }

//go:norace
func SetBlockProfileRate(rate int) { stdruntime.SetBlockProfileRate(rate) }

//go:norace
func SetCPUProfileRate(hz int) { stdruntime.SetCPUProfileRate(hz) }

//go:norace
func SetMutexProfileFraction(rate int) int { return stdruntime.SetMutexProfileFraction(rate) }

//go:norace
func StartTrace() error { return stdruntime.StartTrace() }

//go:norace
func StopTrace() { stdruntime.StopTrace() }

//go:norace
func ReadTrace() (buf []byte) { return stdruntime.ReadTrace() }

//go:norace
func SetCgoTraceback(version int, traceback, context, symbolizer unsafe.Pointer) {
	stdruntime.SetCgoTraceback(version, traceback, context, symbolizer)
}
