package sim_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/sim"
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
