package sim_test

import (
	"slices"
	"testing"

	"github.com/gocourse/gocourse/sim"
)

// twoSenders: G1 receives one value from a channel two goroutines send on;
// whichever sender loses stays blocked: a leak in every schedule, reached by
// different goroutines depending on who runs first.
func twoSenders() {
	c := sim.MakeChan[int](0).Named("c")
	for i := range 2 {
		sim.Go(func() { c.Send(i) })
	}
	c.Recv()
}

// play makes a schedule by hand, one pick at a time, as a front end does:
// every run repeats the one before it up to the new decision.
func play(t *testing.T, body func(), pick func(p *sim.PlayPoint) int) *sim.Result {
	t.Helper()
	var picks []int
	for range 100 {
		st := sim.Steer(picks, nil)
		res := sim.Run(body, sim.Options{Strategy: st})
		if res.Diverged != "" {
			t.Fatalf("picks %v diverged: %s", picks, res.Diverged)
		}
		p := st.Next()
		if p == nil {
			return res
		}
		if p.Decision != len(picks) || p.N < 2 || p.Events > len(res.Trace) {
			t.Fatalf("after picks %v: next point %+v (trace of %d events)", picks, *p, len(res.Trace))
		}
		if p.Kind == "goroutine" && (len(p.Runnable) != p.N || p.Current >= p.N) {
			t.Fatalf("point %+v: runnable, current and n disagree", *p)
		}
		picks = append(picks, pick(p))
	}
	t.Fatalf("no end after 100 picks")
	return nil
}

// TestSteerPlaysAScheduleByHand: the learner's picks decide which sender is
// left blocked, and the token of the schedule they made replays it.
func TestSteerPlaysAScheduleByHand(t *testing.T) {
	low := play(t, twoSenders, func(p *sim.PlayPoint) int { return 0 })
	// G3 first whenever it can run: its value is the one received.
	g3 := play(t, twoSenders, func(p *sim.PlayPoint) int { return max(slices.Index(p.Runnable, 3), 0) })
	for _, r := range []*sim.Result{low, g3} {
		if r.Outcome != sim.Leak || len(r.Goroutines) != 1 {
			t.Fatalf("outcome %v %v, want a leak of one sender", r.Outcome, r.Goroutines)
		}
		strat, err := sim.Replay(r.Token)
		if err != nil {
			t.Fatal(err)
		}
		again := sim.Run(twoSenders, sim.Options{Strategy: strat})
		if again.Outcome != r.Outcome || len(again.Trace) != len(r.Trace) || again.Goroutines[0].ID != r.Goroutines[0].ID {
			t.Fatalf("replay of %s: %v %v, want %v %v", r.Token, again.Outcome, again.Goroutines, r.Outcome, r.Goroutines)
		}
	}
	if low.Goroutines[0].ID != 3 || g3.Goroutines[0].ID != 2 {
		t.Fatalf("lowest first leaves G%d (want G3), G3 first leaves G%d (want G2)", low.Goroutines[0].ID, g3.Goroutines[0].ID)
	}
}
