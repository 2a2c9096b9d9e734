package sim

import (
	"os"
	"syscall"
)

// deliverSignal is sim/signal's Deliver, which its init sets: a program that
// imports os/signal has its signals relayed by the simulated package.
var deliverSignal func(os.Signal)

// SetDeliverSignal is for sim/signal's init: f delivers a signal to the
// running program (see ProcessSignal).
//
//go:norace
func SetDeliverSignal(f func(os.Signal)) { deliverSignal = f }

// ProcessSignal is the rewritten method value p.Signal of an *os.Process. A
// signal the program sends to its own process (os.FindProcess(os.Getpid()))
// during a run is delivered to the simulated program, at this schedule point,
// as the kernel would deliver it to the real one; it never reaches the
// process that runs the simulator. A signal to another process is sent for
// real.
//
//go:norace
func ProcessSignal(p *os.Process) func(os.Signal) error {
	return func(sig os.Signal) error {
		if p == nil || p.Pid != os.Getpid() || getg() == nil {
			return p.Signal(sig)
		}
		if deliverSignal != nil {
			deliverSignal(sig)
			return nil
		}
		// The program does not import os/signal: nothing catches the
		// signal, and its default action is the runtime's.
		Yield("os.Process.Signal")
		if s, ok := sig.(syscall.Signal); ok && (s == syscall.SIGCHLD || s == syscall.SIGURG || s == syscall.SIGWINCH || s == syscall.SIGCONT) {
			return nil // ignored by default
		}
		Fatal("signal: " + sig.String() + " (no signal.Notify for it: the process is killed)")
		return nil
	}
}
