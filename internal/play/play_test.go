package play

import (
	"context"
	"slices"
	"testing"

	"github.com/gocourse/gocourse/grader/simrun"
	"github.com/gocourse/gocourse/sim/harness"
)

// TestPlayByHandAndReplay plays the same program twice by hand, each time
// running the goroutine with one id first whenever it can run (and main
// last): the learner's
// picks decide which sender is left, and each schedule's token, given to the
// replay that `gocourse replay` runs, reproduces it.
func TestPlayByHandAndReplay(t *testing.T) {
	ctx := context.Background()
	s, err := Start(ctx, "testdata/twosenders", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Target() != "main" {
		t.Fatalf("target %q, want main", s.Target())
	}
	left := map[int]int{} // preferred goroutine -> the one left blocked
	for _, prefer := range []int{2, 3} {
		var picks []int
		var step *Step
		started := false
		for range 50 {
			if step, err = s.Step(ctx, picks, false, 0); err != nil {
				t.Fatal(err)
			}
			if step.Next == nil {
				break
			}
			started = started || slices.Contains(step.Next.Runnable, prefer)
			picks = append(picks, pick(step.Next.Runnable, prefer, started))
		}
		r := step.Result
		// main returns with one sender still blocked: the process exits, so
		// the run passes with that sender as a note (Unfinished).
		if r.Outcome.String() != "pass" || len(r.Unfinished) != 1 {
			t.Fatalf("prefer G%d: %v %v, want a pass with one sender left blocked", prefer, r.Outcome, r.Unfinished)
		}
		left[prefer] = r.Unfinished[0].ID
		rep, err := simrun.Run(ctx, simrun.Config{Dir: "testdata/twosenders", Harness: harness.Config{Mode: "run", Replay: step.Token, MaxSteps: 100_000}})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Result == nil {
			t.Fatalf("replay %s: no result", step.Token)
		}
		if rep.Result.Outcome != r.Outcome || rep.Result.Output != r.Output || len(rep.Result.Unfinished) != 1 || rep.Result.Unfinished[0].ID != left[prefer] {
			t.Fatalf("replay %s: %v %q %v, want %v %q %v", step.Token, rep.Result.Outcome, rep.Result.Output, rep.Result.Unfinished, r.Outcome, r.Output, r.Unfinished)
		}
	}
	// Whoever runs first sends first, and G1 receives the first send: the
	// other sender is the one left.
	if left[2] != 3 || left[3] != 2 {
		t.Fatalf("G2 first left G%d, G3 first left G%d; want G3 and G2", left[2], left[3])
	}
}

// pick runs prefer whenever it can run (main goes on until it has started
// it), then the other sender, and main (G1) last: both senders park before
// main receives, so one is left blocked.
func pick(runnable []int, prefer int, started bool) int {
	if i := slices.Index(runnable, prefer); i >= 0 {
		return i
	}
	if !started {
		return slices.Index(runnable, 1) // main goes on, to start prefer
	}
	if i := slices.IndexFunc(runnable, func(g int) bool { return g != 1 }); i >= 0 {
		return i
	}
	return 0
}

// TestFollowAToken: the picks of a c1 token, played, are the token's run;
// dropping the last of its own choices opens that decision again.
func TestFollowAToken(t *testing.T) {
	ctx := context.Background()
	s, err := Start(ctx, "testdata/twosenders", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// G1 goes on until it has started G3, which then sends first: G2 is left.
	picks := []int{0, 2, 2}
	made, err := s.Step(ctx, picks, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	followed, test, err := TokenPicks(made.Token)
	if err != nil || test != "" {
		t.Fatalf("TokenPicks(%q): %v %q", made.Token, err, test)
	}
	again, err := s.Step(ctx, followed, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	if again.Result.Outcome != made.Result.Outcome || again.Result.Output != made.Result.Output || len(again.Result.Trace) != len(made.Result.Trace) || again.Token != made.Token {
		t.Fatalf("following %s: %v %q %s, want %v %q %s", made.Token, again.Result.Outcome, again.Result.Output, again.Token, made.Result.Outcome, made.Result.Output, made.Token)
	}
	back, err := s.Step(ctx, followed[:len(followed)-1], false, 0)
	if err != nil {
		t.Fatal(err)
	}
	if back.Next == nil || back.Next.Decision != len(followed)-1 {
		t.Fatalf("one pick back: next %+v, want decision %d", back.Next, len(followed)-1)
	}
	if _, _, err := TokenPicks("r1.5"); err == nil {
		t.Fatal("an r1 token's seed was taken for choices")
	}
}

// TestPlayRace: built with Race, a schedule made by hand in which the two
// goroutines' unlocked increments are not ordered ends as the race, both
// accesses named at their line, as a sim check with race: true reports it;
// its token replays to the same race. Built without Race, the same picks run
// to the end unnoticed: reporting it is the race detector's work.
func TestPlayRace(t *testing.T) {
	ctx := context.Background()
	byHand := func(s *Session) *Step {
		var picks []int
		for range 50 {
			step, err := s.Step(ctx, picks, false, 0)
			if err != nil {
				t.Fatal(err)
			}
			if step.Next == nil {
				return step
			}
			// Run the goroutine started last whenever there is a choice.
			picks = append(picks, len(step.Next.Runnable)-1)
		}
		t.Fatal("no end after 50 picks")
		return nil
	}
	s, err := Start(ctx, "testdata/racyhits", Options{Race: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	step := byHand(s)
	r := step.Result
	if r.Outcome.String() != "race" || r.Race == nil || len(r.Race.Accesses) != 2 {
		t.Fatalf("outcome %v, race %+v; want the race of the two increments", r.Outcome, r.Race)
	}
	for _, a := range r.Race.Accesses {
		if a.Pos != "main.go:17" || a.G < 2 {
			t.Fatalf("access %s, want a started goroutine's at main.go:17 (hits++)", a)
		}
	}
	rep, err := simrun.Run(ctx, simrun.Config{Dir: "testdata/racyhits", Race: true, Harness: harness.Config{Mode: "run", Replay: step.Token, MaxSteps: 100_000}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Result == nil || rep.Result.Outcome.String() != "race" {
		t.Fatalf("replay %s with the race detector: %+v, want the race", step.Token, rep.Result)
	}

	plain, err := Start(ctx, "testdata/racyhits", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	again, err := plain.Step(ctx, step.Picks, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	if again.Result.Outcome.String() != "pass" {
		t.Fatalf("without the race detector: %v, want a pass", again.Result.Outcome)
	}
}
