package sim

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
)

// fatalError is the value of a fatal error of the runtime (its fatal and
// throw), such as "sync: unlock of unlocked mutex": the run reports it as
// "fatal error: ..." and no deferred call or recover sees it.
type fatalError string

//go:norace
func (e fatalError) Error() string { return string(e) }

// Fatal ends the run at once as the runtime's fatal does: the run's outcome
// is Panic with the message "fatal error: msg", and neither recover nor the
// goroutine's deferred calls can stop it. Drop-in packages call it for the
// runtime's unrecoverable errors ("sync: unlock of unlocked mutex").
// Outside a run it panics with msg.
//
//go:norace
func Fatal(msg string) {
	gp := getg()
	if gp == nil {
		panic(fatalError(msg))
	}
	if gp.abandoned {
		runtime.Goexit()
	}
	s := gp.s
	if s.clock.inTimer {
		panic(misuse("a timer function must not call Fatal"))
	}
	s.setPanic(gp, fatalError(msg), debug.Stack())
	s.end(gp, false)
}

// Exit ends the run as os.Exit ends a process: at once, with no deferred call
// run and every goroutine stopped where it is. For a program's main function
// (Options.MainExits) status 0 is a pass, as when main returns, and any other
// status fails the run with "exit status N", the go command's words; in a
// test body any call fails it, as os.Exit during a test fails go test. The
// rewriter turns os.Exit and log.Fatal into calls of Exit. Outside a run it
// is os.Exit.
//
//go:norace
func Exit(code int) {
	gp := getg()
	if gp == nil {
		os.Exit(code)
	}
	if gp.abandoned {
		runtime.Goexit()
	}
	s := gp.s
	if s.clock.inTimer {
		panic(misuse("a timer function must not call os.Exit"))
	}
	s.traceEvent(gp, "exit", nil, nil, code, "os.Exit("+strconv.Itoa(code)+")")
	s.out.frozen = true // the process is gone: later prints are lost
	switch {
	case !s.opts.MainExits:
		s.failures = append(s.failures, "os.Exit("+strconv.Itoa(code)+") called during the test: a test must not end the process")
	case code != 0:
		s.failures = append(s.failures, "exit status "+strconv.Itoa(code))
	}
	if !s.bodyDone {
		s.bodyDone = true
		s.bodyEnd = s.clock.now
	}
	s.end(gp, false)
}
