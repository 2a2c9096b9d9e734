package rand_test

import (
	"fmt"
	"testing"

	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/rand"
	randv2 "github.com/gocourse/gocourse/sim/rand/v2"
)

func draw() string {
	return fmt.Sprint(rand.Intn(1000), rand.Int63(), rand.Float64(), rand.Perm(4), randv2.IntN(1000), randv2.N(int64(1)<<40), randv2.Uint64())
}

// TestRunsReplay: a run's random numbers are a function of the strategy's
// seed, so its token replays them; other seeds see other numbers.
func TestRunsReplay(t *testing.T) {
	seen := map[string]bool{}
	for seed := range uint64(10) {
		var out string
		r := sim.Run(func() { out = draw() }, sim.Options{Seed: seed})
		st, err := sim.Replay(r.Token)
		if err != nil {
			t.Fatal(err)
		}
		var again string
		sim.Run(func() { again = draw() }, sim.Options{Strategy: st})
		if again != out {
			t.Fatalf("seed %d: replay drew %s, the run %s", seed, again, out)
		}
		seen[out] = true
	}
	if len(seen) < 9 {
		t.Errorf("10 seeds drew only %d different sequences", len(seen))
	}
}

// TestCoinFlipsAreChoices: exhaustive search tries both sides of
// rand.Intn(2), and finds the bug behind the rare side of a small draw.
func TestCoinFlipsAreChoices(t *testing.T) {
	sides := map[string]bool{}
	rep := sim.Explore(func() {
		sides[fmt.Sprint(rand.Intn(2), randv2.IntN(2))] = true
	}, sim.Config{Strategy: sim.DFS(0), Schedules: 100})
	if !rep.Exhausted || len(sides) != 4 {
		t.Fatalf("exhausted %v after %d schedules, saw %v", rep.Exhausted, rep.Schedules, sides)
	}
	rep = sim.Explore(func() {
		ch := sim.MakeChan[int](0)
		if rand.Int31n(10) > 7 {
			sim.Go(func() { ch.Send(1) }) // nobody receives: a leak
		}
	}, sim.Config{Strategy: sim.DFS(0), Schedules: 100})
	if !rep.Failed() || rep.Failure.Outcome != sim.Leak || rep.Failure.Diverged != "" {
		t.Fatalf("got %v", rep)
	}
}

// TestOutsideRun: outside a run the functions are the standard ones.
func TestOutsideRun(t *testing.T) {
	if n := rand.Intn(3); n < 0 || n >= 3 {
		t.Fatal(n)
	}
	if n := randv2.N(3); n < 0 || n >= 3 {
		t.Fatal(n)
	}
	defer func() {
		if r := recover(); r == nil {
			t.Error("Intn(0) did not panic")
		}
	}()
	rand.Intn(0)
}
