package sim_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/sim"
)

// TestExit: sim.Exit (the rewritten os.Exit) ends the run at once, as os.Exit
// ends a process: no deferred call runs, goroutines left blocked are not a
// leak, later output is lost; status 0 from a program's main passes, any other
// status or an exit during a test fails the run.
func TestExit(t *testing.T) {
	program := func(code int, fromGoroutine bool) func() {
		return func() {
			block := sim.MakeChan[int](0)
			sim.Go(func() { block.Recv() }) // would be a leak if main returned
			defer fmt.Fprintln(sim.Stdout(), "deferred")
			fmt.Fprintln(sim.Stdout(), "before")
			if fromGoroutine {
				done := sim.MakeChan[int](0)
				sim.Go(func() {
					sim.Exit(code)
					done.Send(1)
				})
				done.Recv()
			} else {
				sim.Exit(code)
			}
			fmt.Fprintln(sim.Stdout(), "after")
		}
	}
	tests := []struct {
		name      string
		code      int
		goroutine bool
		main      bool
		outcome   sim.Outcome
		message   string
	}{
		{"main exits 0", 0, false, true, sim.Pass, "ok"},
		{"main exits 3", 3, false, true, sim.Failed, "exit status 3"},
		{"a goroutine exits 1", 1, true, true, sim.Failed, "exit status 1"},
		{"a goroutine exits 0", 0, true, true, sim.Pass, "ok"},
		{"a test exits 0", 0, false, false, sim.Failed, "os.Exit(0) called during the test"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for seed := range uint64(20) {
				r := sim.Run(program(tt.code, tt.goroutine), sim.Options{Seed: seed, MainExits: tt.main})
				if r.Outcome != tt.outcome || !strings.HasPrefix(r.Message, tt.message) {
					t.Fatalf("seed %d: %v %q, want %v %q", seed, r.Outcome, r.Message, tt.outcome, tt.message)
				}
				if r.Output != "before\n" {
					t.Fatalf("seed %d: output %q, want only what was printed before the exit", seed, r.Output)
				}
			}
		})
	}
}
