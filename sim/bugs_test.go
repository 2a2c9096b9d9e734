package sim_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gocourse/gocourse/sim"
)

// Classic concurrency bugs: each is found by systematic (DFS) or randomised
// (PCT) search in well under a second, and the token replays it exactly.

// lostWakeup: the waiter checks a flag, then waits; the notifier sets the
// flag and notifies without blocking. A notify between the check and the
// wait is lost, and the waiter sleeps forever.
func lostWakeup() {
	ready := false
	notify := sim.MakeChan[struct{}](0).Named("notify")
	sim.Go(func() {
		ready = true
		sim.Select(true, sim.SendCase(notify, struct{}{})) // nobody listening: dropped
	})
	if !ready {
		notify.Recv()
	}
}

// doubleClose: two workers shut the pipeline down when a job fails, with a
// check-then-act guard. Only job 13 fails, and only when both failing
// workers pass the check before either closes does close run twice.
func doubleClose() {
	stop := sim.MakeChan[struct{}](0).Named("stop")
	shutdown := func() {
		if sim.Select(true, sim.RecvCase(stop, nil, nil)) == -1 { // not closed yet...
			stop.Close() // ...but maybe it is now
		}
	}
	jobs := sim.MakeChan[int](4).Named("jobs")
	done := sim.MakeChan[bool](0).Named("done")
	for range 2 {
		sim.Go(func() {
			for j := range jobs.Range() {
				if j == 13 {
					shutdown()
				}
			}
			done.Send(true)
		})
	}
	for _, j := range []int{1, 13, 13, 2} {
		jobs.Send(j)
	}
	jobs.Close()
	done.Recv()
	done.Recv()
}

// strictAlternation deadlocks only when two goroutines' steps interleave as
// a1 b1 a2 b2 a3: three preemptions at least.
func strictAlternation() {
	var order []string
	step := func(s string) {
		order = append(order, s)
		sim.Gosched()
	}
	done := sim.MakeChan[bool](0).Named("done")
	never := sim.MakeChan[bool](0).Named("never")
	sim.Go(func() { step("a1"); step("a2"); step("a3"); done.Send(true) })
	sim.Go(func() { step("b1"); step("b2"); done.Send(true) })
	done.Recv()
	done.Recv()
	if strings.Join(order, " ") == "a1 b1 a2 b2 a3" {
		never.Recv()
	}
}

func TestClassicBugs(t *testing.T) {
	tests := []struct {
		name     string
		body     func()
		strategy func() sim.Strategy
		outcome  sim.Outcome
		want     string // in the report
	}{
		{"lost wakeup (DFS)", lostWakeup, func() sim.Strategy { return sim.DFS(2) }, sim.Deadlock, "goroutine 1 [chan receive] on notify at bugs_test.go:"},
		{"lost wakeup (PCT)", lostWakeup, func() sim.Strategy { return sim.PCT(2, 1) }, sim.Deadlock, "goroutine 1 [chan receive] on notify at bugs_test.go:"},
		{"double close on a rare path (DFS)", doubleClose, func() sim.Strategy { return sim.DFS(2) }, sim.Panic, "panic: close of closed channel"},
		{"double close on a rare path (PCT)", doubleClose, func() sim.Strategy { return sim.PCT(3, 1) }, sim.Panic, "panic: close of closed channel"},
		{"deadlock needing three preemptions (DFS)", strictAlternation, func() sim.Strategy { return sim.DFS(3) }, sim.Deadlock, "goroutine 1 [chan receive] on never at bugs_test.go:"},
		{"deadlock needing three preemptions (PCT)", strictAlternation, func() sim.Strategy { return sim.PCT(4, 1) }, sim.Deadlock, "goroutine 1 [chan receive] on never at bugs_test.go:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			rep := sim.Explore(tt.body, sim.Config{Strategy: tt.strategy(), Schedules: 100_000})
			elapsed := time.Since(start)
			if rep.Failure == nil {
				t.Fatalf("not found: %v", rep)
			}
			if rep.Failure.Outcome != tt.outcome || !strings.Contains(rep.Failure.String(), tt.want) {
				t.Fatalf("found %v, want %v with %q:\n%v", rep.Failure.Outcome, tt.outcome, tt.want, rep.Failure)
			}
			if elapsed > time.Second && !raceEnabled {
				t.Errorf("took %v", elapsed)
			}
			t.Logf("found after %d schedules in %v; token %s", rep.Schedules, elapsed, rep.Token)
			// Both tokens replay the same run, event for event, every time.
			for _, tok := range []string{rep.Token, rep.Failure.Token} {
				for range 3 {
					st, err := sim.Replay(tok)
					if err != nil {
						t.Fatal(err)
					}
					r := sim.Run(tt.body, sim.Options{Strategy: st})
					if r.Outcome != tt.outcome || !slices.Equal(eventStrings(r.Trace), eventStrings(rep.Failure.Trace)) {
						t.Fatalf("token %s replays as %v", tok, r)
					}
				}
			}
		})
	}
}

func TestPreemptionBound(t *testing.T) {
	rep := sim.Explore(strictAlternation, sim.Config{Strategy: sim.DFS(2), Schedules: 1_000_000})
	if rep.Failure != nil || !rep.Exhausted {
		t.Fatalf("DFS(2) should explore everything without a bug: %v", rep)
	}
	t.Logf("DFS(2): %d schedules, all explored", rep.Schedules)
	rep = sim.Explore(strictAlternation, sim.Config{Strategy: sim.DFS(3), Schedules: 1_000_000})
	if rep.Failure == nil {
		t.Fatalf("DFS(3) should find the deadlock: %v", rep)
	}
}

func TestDFSCountsSchedules(t *testing.T) {
	// With no preemption the only freedom is who runs when the running
	// goroutine blocks or exits: G2 or G3 when the body waits, then the body
	// or the other sender when the first sender exits: 2 x 2 schedules.
	body := func() {
		done := sim.MakeChan[bool](0)
		sim.Go(func() { done.Send(true) })
		sim.Go(func() { done.Send(true) })
		done.Recv()
		done.Recv()
	}
	for _, tc := range []struct{ bound, want int }{{0, 4}, {-1, 0}} {
		rep := sim.Explore(body, sim.Config{Strategy: sim.DFS(tc.bound), Schedules: 100_000})
		if !rep.Exhausted || rep.Failure != nil || tc.want > 0 && rep.Schedules != tc.want {
			t.Errorf("DFS(%d): %d schedules, exhausted %v", tc.bound, rep.Schedules, rep.Exhausted)
		}
		t.Logf("DFS(%d): %d schedules", tc.bound, rep.Schedules)
	}
}

// TestPCTIsFairToSpinners: a goroutine that spins until another one sets a
// flag ends on real cores, whose scheduler preempts it; PCT's priorities
// alone would starve the setter whenever the spinner ranks above it.
func TestPCTIsFairToSpinners(t *testing.T) {
	body := func() {
		done := false
		sim.Go(func() { done = true })
		for !done {
			sim.Gosched()
		}
	}
	rep := sim.Explore(body, sim.Config{Strategy: sim.PCT(3, 1), Schedules: 50})
	if rep.Failed() {
		t.Fatalf("a spin-wait that ends on real cores: %v", rep)
	}
}
