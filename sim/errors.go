package sim

import (
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

// RuntimeError is the panic value of a failed channel operation. Its text is
// the runtime's message word for word ("send on closed channel", ...), and,
// like the runtime's own plainError, it implements runtime.Error.
type RuntimeError string

//go:norace
func (e RuntimeError) Error() string { return string(e) }

// RuntimeError marks e as a runtime.Error.
//
//go:norace
func (e RuntimeError) RuntimeError() {}

const (
	errSendOnClosed  = RuntimeError("send on closed channel")
	errCloseOfClosed = RuntimeError("close of closed channel")
	errCloseOfNil    = RuntimeError("close of nil channel")
	errMakeChanSize  = RuntimeError("makechan: size out of range")
)

// misuse reports a call that sim cannot honour, such as a blocking channel
// operation outside a run.
type misuse string

//go:norace
func (e misuse) Error() string { return "sim: " + string(e) }

// OutsideRun is the message for an operation that would block outside a run,
// where nothing could ever wake it. While the process starts (the runtime
// initialising a package) it names the initializer that waits, file:line: one
// the rewriter could not run under the scheduler (sim.InitValue), as it runs
// those of one or two variables of types their file can name.
//
//go:norace
func OutsideRun(what string) string {
	return what + " would block outside a run" + InitWaiter()
}

// InitWaiter is what OutsideRun adds to its message: while the process
// starts, ": the package-level initializer at FILE:LINE waits ..."; otherwise "".
//
//go:norace
func InitWaiter() string {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
	var last runtime.Frame
	for {
		f, more := frames.Next()
		if strings.HasPrefix(f.Function, "runtime.doInit") && strings.HasSuffix(last.Function, ".init") {
			return ": the package-level initializer at " + filepath.Base(last.File) + ":" + strconv.Itoa(last.Line) +
				" waits while the program starts, outside the scheduler (explore runs an initializer under it when it sets one or two variables of types its file can name)"
		}
		if !more {
			return ""
		}
		last = f
	}
}
