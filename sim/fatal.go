package sim

import (
	"runtime"
	"runtime/debug"
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
