package simrun

import (
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/harness"
)

// races are small kernels of the data races real projects ship, each in
// testdata/races/NAME with a TestBug that passes its own checks; where is the
// file:line of one of the two accesses.
var races = []struct {
	name, where string
}{
	{"counter", "counter.go:14"},       // hits++ from every worker
	{"mapwrite", "cache.go:17"},        // two goroutines fill one map
	{"loopvar", "fetch.go:26"},         // err, declared outside the loop, written by each goroutine
	{"stopflag", "worker.go:25"},       // a flag read without the lock Stop sets it under
	{"appendworkers", "squares.go:13"}, // append to one slice from workers
	{"publish", "config.go:21"},        // a field written after the struct was sent
	{"doublecheck", "conn.go:15"},      // double-checked locking without atomics
	{"rlockwrite", "cache.go:18"},      // a map written under the read lock
	{"signalfirst", "job.go:14"},       // done sent on a buffered channel before the result is stored
	{"missloads", "cache.go:26"},       // a counter on a miss path that two goroutines take together rarely
	{"logorder", "stats.go:36"},        // ordered only by a log lock, and only in one order
	{"trylock", "batch.go:22"},         // a counter written where TryLock fails: only under contention
}

// racefree are kernels with subtle but correct synchronisation, in
// testdata/racefree/NAME with a TestOK: no schedule may report a race.
var racefree = []string{
	"mutexcounter",   // a counter under a mutex
	"chanmutex",      // a channel of capacity 1 as a lock: the k+C rule with C=1
	"kplusc",         // C buffers reused by the k+C rule
	"once",           // lazy initialisation with sync.Once
	"waitgroup",      // results read after Wait
	"atomicflag",     // data published by an atomic store
	"mutexhandoff",   // a mutex unlocked by another goroutine than the one that locked it
	"closebroadcast", // settings read after the close of a start channel
	"ctxcancel",      // a result read once ctx.Done() is closed by cancel
	"rwmutex",        // readers under RLock, a writer under Lock
	"rendezvous",     // an unbuffered receive happens before its send completes
	"ownership",      // records handed down a pipeline by pointer
	"condqueue",      // a queue with a condition variable
	"afterfunc",      // time.AfterFunc and a ticker's Reset carry what was written before
}

// raceHunt is how the tests and benchmarks look for races: PCT, within 10 s.
var raceHunt = harness.Config{Mode: "explore", Strategy: "pct", Depth: 3, Seed: 1, Schedules: 100000, TimeoutMS: 10000}

func TestRacesAreFoundAndReplayed(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs with -race")
	}
	for _, r := range races {
		t.Run(r.name, func(t *testing.T) {
			t.Parallel() // builds of their own: side by side, up to -parallel at once
			prog := build(t, filepath.Join("races", r.name), true)
			rep := runProgram(t, prog, raceHunt)
			res := rep.Result
			if res == nil || res.Outcome != sim.Race {
				t.Fatalf("no race found in %d schedules (%d ms): %+v", rep.Schedules, rep.RunMS, res)
			}
			if rep.RunMS > 10000 {
				t.Errorf("took %d ms to find", rep.RunMS)
			}
			ri := res.Race
			if ri == nil || len(ri.Accesses) != 2 {
				t.Fatalf("race without its two accesses: %+v", ri)
			}
			var ops []string
			for _, a := range ri.Accesses {
				if a.G == 0 || a.Pos == "" || a.Op == "" {
					t.Errorf("access without goroutine, place or kind: %+v", a)
				}
				ops = append(ops, a.Op)
			}
			if ri.Accesses[0].G == ri.Accesses[1].G {
				t.Errorf("both accesses by goroutine %d", ri.Accesses[0].G)
			}
			if !strings.Contains(strings.Join(ops, " "), "write") {
				t.Errorf("no write among %v", ops)
			}
			if ri.Accesses[0].Pos != r.where && ri.Accesses[1].Pos != r.where {
				t.Errorf("accesses at %s and %s, want one at %s", ri.Accesses[0].Pos, ri.Accesses[1].Pos, r.where)
			}
			if rep.Replay == "" {
				t.Fatal("no replay token")
			}
			t.Logf("%s after %d schedules, %d ms: %s (replay %s)", r.name, rep.Schedules, rep.RunMS, res.Message, rep.Replay)
			again := runProgram(t, prog, harness.Config{Replay: rep.Replay})
			if again.Result.Outcome != sim.Race || again.Result.Message != res.Message {
				t.Errorf("replay %s gave %v (%s), want %s", rep.Replay, again.Result.Outcome, again.Result.Message, res.Message)
			}
			// gocourse trace --race and replay --race run a token with RaceGoOn
			// (the run goes on past the race), while this exploration, like a
			// grader's sim check, stopped at it: the token must reach the same
			// race, by the same goroutines at the same places.
			goOn := runProgram(t, prog, harness.Config{Replay: rep.Replay, RaceGoOn: true})
			if got := goOn.Result.Race; got == nil || !sameAccesses(got.Accesses, ri.Accesses) {
				t.Errorf("replay %s going on past the race found %+v, want the accesses %+v", rep.Replay, got, ri.Accesses)
			}
			if goOn.Replay != rep.Replay {
				t.Errorf("replay %s going on past the race ran the schedule %s", rep.Replay, goOn.Replay)
			}
		})
	}
}

// sameAccesses reports whether two races are the same pair of accesses: the
// same goroutines, kinds and places.
func sameAccesses(a, b []sim.RaceAccess) bool {
	return slices.EqualFunc(a, b, func(x, y sim.RaceAccess) bool {
		return x.G == y.G && x.Op == y.Op && x.Pos == y.Pos
	})
}

func TestRaceFreeProgramsAreNeverReported(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs with -race")
	}
	for _, name := range racefree {
		t.Run(name, func(t *testing.T) {
			t.Parallel() // builds of their own: side by side, up to -parallel at once
			prog := build(t, filepath.Join("racefree", name), true)
			for _, h := range []harness.Config{
				{Mode: "explore", Strategy: "pct", Depth: 3, Seed: 1, Schedules: 2000, TimeoutMS: 20000},
				{Mode: "explore", Strategy: "dfs", Preemptions: 2, Schedules: 2000, TimeoutMS: 20000},
			} {
				rep := runProgram(t, prog, h)
				if rep.Result != nil {
					t.Fatalf("%s: %v: %s\n%s", h.Strategy, rep.Result.Outcome, rep.Result.Message, raceReport(rep.Result))
				}
				t.Logf("%s: %d schedules clean (exhausted %v)", h.Strategy, rep.Schedules, rep.Exhausted)
			}
		})
	}
}

func raceReport(r *sim.Result) string {
	if r.Race == nil {
		return ""
	}
	return r.Race.Report
}

// TestCorpusExploresCleanWithRace explores every program of the rewriter's
// corpus (grader/rewrite/testdata/corpus, all race-free) with --race: none may
// report a race, or anything else.
func TestCorpusExploresCleanWithRace(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every corpus program with -race")
	}
	dirs, err := filepath.Glob(filepath.Join("..", "rewrite", "testdata", "corpus", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel() // builds of their own: side by side, up to -parallel at once
			abs, _ := filepath.Abs(dir)
			rep, err := Run(context.Background(), Config{Dir: abs, Race: true, Harness: harness.Config{Mode: "explore", Strategy: "pct", Depth: 3, Seed: 1, Schedules: 300, TimeoutMS: 20000}})
			if err != nil {
				t.Fatal(err)
			}
			if r := rep.Result; r != nil {
				t.Fatalf("%v: %s\n%s", r.Outcome, r.Message, raceReport(r))
			}
		})
	}
}

// An Add from zero that nothing orders with a Wait that blocked is a race for
// the real race detector (sync.WaitGroup tells it of a read and a write of its
// sema): explore --race reports it too, at the Add and the Wait, as the real
// run of the same program does.
func TestWaitGroupAddFromZeroRacesWithWait(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs with -race")
	}
	for _, tc := range []struct{ dir, wait, add string }{
		{"wgrace", "main.go:25", "main.go:21"}, // wg.Add(1)
		{"wggo", "main.go:24", "main.go:21"},   // wg.Go(f)
	} {
		t.Run(tc.dir, func(t *testing.T) {
			dir, _ := filepath.Abs(filepath.Join("testdata", tc.dir))
			real := exec.Command("go", "run", "-race", ".")
			real.Dir = dir
			out, err := real.CombinedOutput()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 66 && ee.ExitCode() != 1 || !strings.Contains(string(out), "WARNING: DATA RACE") ||
				!strings.Contains(string(out), "Read at") || !strings.Contains(string(out), "Previous write at") {
				t.Fatalf("the real race detector does not report the Add's read after the Wait's write: %v\n%s", err, out)
			}
			rep, err := Run(context.Background(), Config{Dir: dir, Race: true, Harness: harness.Config{Mode: "explore", Strategy: "random", Seed: 1, Schedules: 5}})
			if err != nil {
				t.Fatal(err)
			}
			r := rep.Result
			if r == nil || r.Outcome != sim.Race || r.Race == nil || len(r.Race.Accesses) != 2 {
				t.Fatalf("explore --race: want a race, got %+v", r)
			}
			var got []string
			for _, a := range r.Race.Accesses {
				got = append(got, a.Op+" "+a.Pos)
			}
			if want := []string{"write " + tc.wait, "read " + tc.add}; !slices.Equal(got, want) {
				t.Errorf("accesses %v, want %v (the Wait, then the Add)", got, want)
			}
		})
	}
}
