package signal_test

import (
	stdcontext "context"
	"errors"
	"fmt"
	"os"
	stdsignal "os/signal"
	"strings"
	"syscall"
	"testing"
	stdtime "time"

	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/context"
	"github.com/gocourse/gocourse/sim/signal"
	"github.com/gocourse/gocourse/sim/time"
)

func say(format string, args ...any) { fmt.Fprintf(sim.Stdout(), format, args...) }

func run(t *testing.T, body func()) *sim.Result {
	t.Helper()
	r := sim.Run(body, sim.Options{Seed: 3})
	if r.Failed() {
		t.Fatalf("%v", r)
	}
	return r
}

func TestDeliverAtVirtualTime(t *testing.T) {
	r := run(t, func() {
		c := sim.MakeChan[os.Signal](1)
		signal.Notify(c, os.Interrupt, syscall.SIGTERM)
		signal.DeliverAt(2*stdtime.Second, syscall.SIGTERM)
		signal.DeliverAt(3*stdtime.Second, os.Interrupt)
		start := time.Now()
		for range 2 {
			s := c.Recv()
			say("%v at %v\n", s, time.Since(start))
		}
	})
	if r.Output != "terminated at 2s\ninterrupt at 3s\n" {
		t.Fatalf("%q", r.Output)
	}
}

// Delivery never blocks: a full channel, or an unbuffered one nobody is
// receiving on, misses the signal.
func TestFullChannelMissesSignal(t *testing.T) {
	r := run(t, func() {
		buffered := sim.MakeChan[os.Signal](1)
		unbuffered := sim.MakeChan[os.Signal](0)
		signal.Notify(buffered)
		signal.Notify(unbuffered, os.Interrupt)
		signal.Deliver(os.Interrupt)
		signal.Deliver(syscall.SIGHUP)
		say("%d %v ", buffered.Len(), buffered.Recv())
		ok := false
		if sim.Select(true, sim.RecvCase(unbuffered, nil, &ok)) == -1 {
			say("missed")
		}
	})
	if r.Output != "1 interrupt missed" {
		t.Fatalf("%q", r.Output)
	}
}

func TestNotifyContext(t *testing.T) {
	real, stop := stdsignal.NotifyContext(stdcontext.Background(), os.Interrupt, syscall.SIGTERM)
	want := fmt.Sprint(real)
	stop()
	r := run(t, func() {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		say("%v\n", ctx)
		signal.DeliverAt(time.Second, os.Interrupt)
		start := time.Now()
		ctx.Done().Recv()
		cause := context.Cause(ctx)
		say("%v at %v: %v, %v\n", ctx.Err(), time.Since(start), cause, errors.Is(cause, stdcontext.Canceled))
	})
	if r.Output != want+"\ncontext canceled at 1s: interrupt signal received, true\n" {
		t.Fatalf("%q (real name %q)", r.Output, want)
	}
}

func TestDefaultActions(t *testing.T) {
	r := sim.Run(func() {
		signal.DeliverAt(time.Second, os.Interrupt)
		time.Sleep(time.Hour)
		say("survived")
	}, sim.Options{})
	if r.Outcome != sim.Panic || !strings.HasPrefix(r.Message, "fatal error: signal: interrupt") || r.TimeNS != int64(stdtime.Second) {
		t.Fatalf("unhandled SIGINT: %v", r)
	}
	r = run(t, func() {
		signal.Ignore(os.Interrupt)
		say("%v %v ", signal.Ignored(os.Interrupt), signal.Ignored(syscall.SIGTERM))
		signal.Deliver(os.Interrupt)
		signal.Deliver(syscall.SIGUSR1) // caught, no action
		say("survived")
	})
	if r.Output != "true false survived" {
		t.Fatalf("%q", r.Output)
	}
	r = sim.Run(func() {
		c := sim.MakeChan[os.Signal](1)
		signal.Notify(c, os.Interrupt)
		signal.Deliver(os.Interrupt)
		signal.Stop(c)
		c.Recv()
		signal.Deliver(os.Interrupt) // nobody listens any more: killed
		say("survived")
	}, sim.Options{})
	if r.Outcome != sim.Panic || r.Output != "" {
		t.Fatalf("after Stop: %v", r)
	}
}

// A run starts with no registrations, whatever the one before made.
func TestRegistrationsArePerRun(t *testing.T) {
	run(t, func() {
		signal.Notify(sim.MakeChan[os.Signal](1), os.Interrupt)
		signal.Ignore(syscall.SIGTERM)
	})
	r := sim.Run(func() {
		say("%v", signal.Ignored(syscall.SIGTERM))
		signal.Deliver(os.Interrupt)
	}, sim.Options{})
	if r.Output != "false" || r.Outcome != sim.Panic {
		t.Fatalf("%v", r)
	}
	r = run(t, func() {
		c := sim.MakeChan[os.Signal](1)
		signal.Notify(c, os.Interrupt)
		signal.Reset(os.Interrupt)
		signal.Notify(c, syscall.SIGHUP)
		signal.Deliver(syscall.SIGHUP)
		say("%v", c.Recv())
	})
	if r.Output != "hangup" {
		t.Fatalf("%q", r.Output)
	}
}

func TestNotifyNilChannel(t *testing.T) {
	r := sim.Run(func() { signal.Notify(nil) }, sim.Options{})
	if r.Message != "panic: os/signal: Notify using nil channel" {
		t.Fatalf("%v", r)
	}
}

// TestWaitingForASignal: a program whose goroutines all block while
// signal.Notify is active waits for a signal, as the real process does
// (the runtime reports no deadlock); without Notify it is a deadlock, and a
// Notify left from an earlier run does not count.
func TestWaitingForASignal(t *testing.T) {
	wait := func() {
		c := sim.MakeChan[os.Signal](1)
		signal.Notify(c, os.Interrupt)
		say("awaiting signal\n")
		say("got %v\n", c.Recv())
	}
	r := sim.Run(wait, sim.Options{MainExits: true})
	if r.Outcome != sim.SignalWait || r.Failed() || r.Output != "awaiting signal\n" {
		t.Fatalf("%v %q, output %q: want waiting for a signal", r.Outcome, r.Message, r.Output)
	}
	r = sim.Run(func() { signal.DeliverAt(stdtime.Second, os.Interrupt); wait() }, sim.Options{MainExits: true})
	if r.Outcome != sim.Pass || r.Output != "awaiting signal\ngot interrupt\n" || r.TimeNS != int64(stdtime.Second) {
		t.Fatalf("%v %q, output %q at %d", r.Outcome, r.Message, r.Output, r.TimeNS)
	}
	r = sim.Run(func() { sim.MakeChan[int](0).Recv() }, sim.Options{MainExits: true})
	if r.Outcome != sim.Deadlock {
		t.Fatalf("no Notify in this run: %v %q, want a deadlock", r.Outcome, r.Message)
	}
}
