package sim_test

import (
	"testing"

	"github.com/gocourse/gocourse/sim"
	simtime "github.com/gocourse/gocourse/sim/time"
)

// TestLeaksNote: under go test's rule (Options.LeaksNote) the goroutines a
// test leaves blocked or running are a note of a pass; a test that asks for
// the check (CheckLeaks, goleak.VerifyNone) and the default keep goleak's
// rule, a leak. A program's main follows LeaksFail, not LeaksNote.
func TestLeaksNote(t *testing.T) {
	blocked := func(check bool) func() {
		return func() {
			never := sim.MakeChan[int](0)
			sim.Go(func() { never.Recv() })
			simtime.Sleep(simtime.Millisecond) // it has run and blocked
			if check {
				sim.CheckLeaks()
			}
		}
	}
	spinning := func() {
		stop := false
		sim.Go(func() {
			for !stop {
				simtime.Sleep(simtime.Millisecond)
			}
		})
	}
	tests := []struct {
		name       string
		body       func()
		opts       sim.Options
		outcome    sim.Outcome
		unfinished int
	}{
		{"goleak's rule", blocked(false), sim.Options{}, sim.Leak, 0},
		{"go test's rule", blocked(false), sim.Options{LeaksNote: true}, sim.Pass, 1},
		{"go test's rule, the test asks", blocked(true), sim.Options{LeaksNote: true}, sim.Leak, 0},
		{"a goroutine sleeping on, go test's rule", spinning, sim.Options{LeaksNote: true, MaxSteps: 1000, LeakWait: simtime.Second}, sim.Pass, 1},
		{"a goroutine sleeping on, goleak's rule", spinning, sim.Options{MaxSteps: 1000, LeakWait: simtime.Second}, sim.Leak, 0},
		{"main, not a test", blocked(false), sim.Options{LeaksNote: true, MainExits: true, LeaksFail: true}, sim.Leak, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for seed := range uint64(5) {
				tt.opts.Seed = seed
				r := sim.Run(tt.body, tt.opts)
				if r.Outcome != tt.outcome || len(r.Unfinished) != tt.unfinished {
					t.Fatalf("seed %d: %v %q with %d unfinished, want %v with %d", seed, r.Outcome, r.Message, len(r.Unfinished), tt.outcome, tt.unfinished)
				}
			}
		})
	}
}
