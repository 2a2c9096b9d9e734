package sim_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gocourse/gocourse/sim"
	simatomic "github.com/gocourse/gocourse/sim/atomic"
	simtime "github.com/gocourse/gocourse/sim/time"
)

// TestMainReturnEndsProgram: when a program's main returns the process
// exits: no goroutine runs after it (no output, no trace event after
// "exit"), and the goroutines left blocked or runnable are a note of a
// passing run, or a leak with LeaksFail.
func TestMainReturnEndsProgram(t *testing.T) {
	program := func() {
		block := sim.MakeChan[int](0)
		sim.Go(func() { block.Recv() })
		sim.Go(func() {
			for i := 0; ; i++ {
				fmt.Fprintln(sim.Stdout(), "tick", i)
				simtime.Sleep(1000)
			}
		})
		simtime.Sleep(2500)
		fmt.Fprintln(sim.Stdout(), "main done")
	}
	for seed := range uint64(10) {
		r := sim.Run(program, sim.Options{Seed: seed, MainExits: true})
		if r.Outcome != sim.Pass {
			t.Fatalf("seed %d: %v %q, want a pass: the program exits when main returns", seed, r.Outcome, r.Message)
		}
		if !strings.HasSuffix(r.Output, "tick 2\nmain done\n") || strings.Contains(r.Output, "tick 3") {
			t.Fatalf("seed %d: output %q", seed, r.Output)
		}
		if len(r.Unfinished) != 2 {
			t.Fatalf("seed %d: unfinished %v, want the two goroutines main left", seed, r.Unfinished)
		}
		if last := r.Trace[len(r.Trace)-1]; last.Op != "exit" || last.G != 1 {
			t.Fatalf("seed %d: the last event is %v, want main's exit", seed, last)
		}
		r = sim.Run(program, sim.Options{Seed: seed, MainExits: true, LeaksFail: true})
		if r.Outcome != sim.Leak || len(r.Goroutines) != 2 {
			t.Fatalf("seed %d, LeaksFail: %v %v, want a leak of 2", seed, r.Outcome, r.Goroutines)
		}
	}
	// A test body keeps goleak's rule.
	r := sim.Run(func() { sim.Go(func() { sim.MakeChan[int](0).Recv() }) }, sim.Options{})
	if r.Outcome != sim.Leak {
		t.Fatalf("test body: %v, want a leak", r.Outcome)
	}
}

// TestMainGoexit: main calling runtime.Goexit lets the other goroutines run
// to their end; then the runtime's fatal error, or a deadlock when they block.
func TestMainGoexit(t *testing.T) {
	r := sim.Run(func() {
		sim.Go(func() {
			simtime.Sleep(1000)
			fmt.Fprintln(sim.Stdout(), "worker done")
		})
		fmt.Fprintln(sim.Stdout(), "main exits")
		runtime.Goexit()
	}, sim.Options{MainExits: true})
	if r.Outcome != sim.Panic || r.Message != "fatal error: no goroutines (main called runtime.Goexit) - deadlock!" {
		t.Fatalf("%v %q", r.Outcome, r.Message)
	}
	if r.Output != "main exits\nworker done\n" {
		t.Fatalf("output %q", r.Output)
	}
	r = sim.Run(func() {
		sim.Go(func() { sim.MakeChan[int](0).Recv() })
		runtime.Goexit()
	}, sim.Options{MainExits: true})
	if r.Outcome != sim.Deadlock || r.Message != "all goroutines are asleep - deadlock!" {
		t.Fatalf("%v %q", r.Outcome, r.Message)
	}
}

// TestGoNilFunc: go of a nil function value is the runtime's fatal error in
// the goroutine that runs the go statement.
func TestGoNilFunc(t *testing.T) {
	r := sim.Run(func() {
		var f func()
		sim.Go(f)
	}, sim.Options{MainExits: true})
	if r.Outcome != sim.Panic || r.Message != "fatal error: go of nil func value" {
		t.Fatalf("%v %q", r.Outcome, r.Message)
	}
}

// TestSpinningYieldsToTheClock: a goroutine that polls (an atomic flag, a
// select with default) while another sleeps sees the sleeper wake, as on
// real cores, instead of running into the step bound; a run that spins with
// nothing to wait for is still a livelock.
func TestSpinningYieldsToTheClock(t *testing.T) {
	const ms = 1_000_000
	flag := func() {
		var done simatomic.Bool
		sim.Go(func() { simtime.Sleep(ms); done.Store(true) })
		for !done.Load() {
		}
		fmt.Fprintln(sim.Stdout(), "done")
	}
	poll := func() {
		c := sim.MakeChan[int](0)
		sim.Go(func() { simtime.Sleep(ms); c.Send(1) })
		for {
			if sim.Select(true, sim.RecvCase(c, nil, nil)) == 0 {
				fmt.Fprintln(sim.Stdout(), "got")
				return
			}
		}
	}
	for name, body := range map[string]func(){"atomic flag": flag, "select default": poll} {
		for seed := range uint64(5) {
			r := sim.Run(body, sim.Options{Seed: seed, MainExits: true})
			if r.Outcome != sim.Pass || r.TimeNS < ms || r.TimeNS > 2*ms {
				t.Fatalf("%s, seed %d: %v %q at %dns, want a pass at 1ms", name, seed, r.Outcome, r.Message, r.TimeNS)
			}
		}
	}
	r := sim.Run(func() {
		var done simatomic.Bool
		sim.Go(func() { sim.MakeChan[int](0).Recv(); done.Store(true) })
		for !done.Load() {
		}
	}, sim.Options{MaxSteps: 5000, MainExits: true})
	if r.Outcome != sim.StepLimit {
		t.Fatalf("spinning on a flag nobody will set: %v %q, want a livelock", r.Outcome, r.Message)
	}
}

// TestLongRunsInVirtualTime: a program that does many operations over a
// second of virtual time (100 goroutines each waking every millisecond) is
// not a livelock: time moves.
func TestLongRunsInVirtualTime(t *testing.T) {
	r := sim.Run(func() {
		var ops simatomic.Int64
		for range 100 {
			sim.Go(func() {
				for {
					ops.Add(1)
					simtime.Sleep(1_000_000)
				}
			})
		}
		simtime.Sleep(1_000_000_000)
		fmt.Fprintln(sim.Stdout(), ops.Load() >= 100_000)
	}, sim.Options{MainExits: true})
	if r.Outcome != sim.Pass || r.Output != "true\n" {
		t.Fatalf("%v %q, output %q", r.Outcome, r.Message, r.Output)
	}
}

// TestInitFuncWaits: an init function that waits for a goroutine runs under
// the scheduler when the process starts (outside any run), and what it set
// stays.
func TestInitFuncWaits(t *testing.T) {
	v := 0
	sim.InitFunc(func() {
		c := sim.MakeChan[int](0)
		sim.Go(func() { simtime.Sleep(1000); c.Send(42) })
		v = c.Recv()
	})
	if v != 42 {
		t.Fatalf("v = %d after the init, want 42", v)
	}
}

// TestPanicChains: a panic that ends the run is reported with the panics
// still in progress before it, as the runtime prints them. The bodies are
// written as the rewriter writes panic(v) and recover().
func TestPanicChains(t *testing.T) {
	tests := []struct {
		name string
		body func()
		want string
	}{
		{"a deferred call panics", func() {
			defer func() { panic(sim.Panicking("second panic")) }()
			panic(sim.Panicking("first panic"))
		}, "panic: first panic\n\tpanic: second panic"},
		{"recovered, then another", func() {
			defer func() { sim.Recovered(recover()); panic(sim.Panicking("second panic")) }()
			panic(sim.Panicking("first panic"))
		}, "panic: first panic [recovered]\n\tpanic: second panic"},
		{"repanicked", func() {
			defer func() { r := sim.Recovered(recover()); panic(sim.Panicking(r)) }()
			panic(sim.Panicking("message"))
		}, "panic: message [recovered, repanicked]"},
		{"a runtime error recovered, then another", func() {
			defer func() { sim.Recovered(recover()); panic(sim.Panicking("second")) }()
			var m map[int]int
			m[1] = 1
		}, "panic: assignment to entry in nil map [recovered]\n\tpanic: second"},
		{"an earlier panic recovered and over", func() {
			func() {
				defer func() { sim.Recovered(recover()) }()
				panic(sim.Panicking("over"))
			}()
			panic(sim.Panicking("last"))
		}, "panic: last"},
	}
	for _, tt := range tests {
		r := sim.Run(tt.body, sim.Options{MainExits: true})
		if r.Outcome != sim.Panic || r.Message != tt.want {
			t.Errorf("%s: %v %q, want %q", tt.name, r.Outcome, r.Message, tt.want)
		}
	}
}

// TestDeadlineCutsARunShort: a program that runs on in virtual time (as its
// real twin would, forever) ends at the Deadline with the outcome Timeout,
// which is no verdict; Explore reports the schedules done before it.
func TestDeadlineCutsARunShort(t *testing.T) {
	forever := func() {
		for {
			simtime.Sleep(1_000_000)
		}
	}
	r := sim.Run(forever, sim.Options{MainExits: true, Deadline: time.Now()})
	if r.Outcome != sim.Timeout || r.Failed() {
		t.Fatalf("%v %q, want a timeout that is not a failure", r.Outcome, r.Message)
	}
	rep := sim.Explore(func() {}, sim.Config{Schedules: 1 << 30, Timeout: time.Millisecond})
	if !rep.TimedOut || rep.Failed() || rep.Schedules == 0 {
		t.Fatalf("%+v, want a timed-out exploration of some passing schedules", rep)
	}
}
