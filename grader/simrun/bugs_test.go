package simrun

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/harness"
)

// bugs are small kernels of the concurrency bugs real projects ship, each in
// testdata/bugs/NAME with a TestBug that passes on most real runs.
var bugs = []struct {
	name string
	want sim.Outcome
}{
	{"doublelock", sim.Deadlock},   // mutex left locked on an error path
	{"chandeadlock", sim.Deadlock}, // both peers send first on a rare path
	{"ctxleak", sim.Leak},          // worker blocked on a result nobody reads after cancel
	{"wgadd", sim.Failed},          // WaitGroup.Add inside the goroutine
	{"timeoutleak", sim.Leak},      // the timeout wins, the sender blocks forever
	{"sendclosed", sim.Panic},      // the receiving side closes
	{"abba", sim.Deadlock},         // two locks in opposite orders
	{"condwakeup", sim.Deadlock},   // a signal before the wait is lost
	{"doubleclose", sim.Panic},     // check-then-close by two workers
	{"rlockwriter", sim.Deadlock},  // recursive RLock with a writer pending
}

// bugHunt is how the tests and benchmarks look for the bugs: PCT, within 10 s.
var bugHunt = harness.Config{Mode: "explore", Strategy: "pct", Depth: 3, Seed: 1, Schedules: 100000, TimeoutMS: 10000}

func TestBugsAreFoundAndReplayed(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ten programs under the simulator")
	}
	for _, bug := range bugs {
		t.Run(bug.name, func(t *testing.T) {
			t.Parallel() // builds of their own: side by side, up to -parallel at once
			prog := build(t, filepath.Join("bugs", bug.name), false)
			rep := runProgram(t, prog, bugHunt)
			if rep.Result == nil {
				t.Fatalf("no bug found in %d schedules (%d ms)", rep.Schedules, rep.RunMS)
			}
			if rep.Result.Outcome != bug.want {
				t.Fatalf("found %v (%s), want %v", rep.Result.Outcome, rep.Result.Message, bug.want)
			}
			if rep.RunMS > 10000 {
				t.Errorf("took %d ms to find", rep.RunMS)
			}
			again := runProgram(t, prog, harness.Config{Replay: rep.Replay})
			if again.Result.Outcome != bug.want || again.Result.Message != rep.Result.Message {
				t.Errorf("replay %s gave %v (%s)", rep.Replay, again.Result.Outcome, again.Result.Message)
			}
		})
	}
}

// BenchmarkTimeToFind puts the simulator's time to find each bug beside a stress
// test: go test -race -count=N until it fails or N runs pass. Run it once:
//
//	go test ./grader/simrun -run '^$' -bench TimeToFind -benchtime 1x
func BenchmarkTimeToFind(b *testing.B) {
	const stressRuns = 1000
	for _, bug := range bugs {
		dir, _ := filepath.Abs(filepath.Join("testdata", "bugs", bug.name))
		b.Run(bug.name, func(b *testing.B) {
			for range b.N {
				rep, err := Run(context.Background(), Config{Dir: dir, Harness: bugHunt})
				if err != nil {
					b.Fatal(err)
				}
				found := 0.0
				if rep.Result != nil {
					found = 1
				}
				b.ReportMetric(found, "sim-found")
				b.ReportMetric(float64(rep.Schedules), "sim-schedules")
				b.ReportMetric(float64(rep.RunMS), "sim-ms")

				start := time.Now()
				cmd := exec.Command("go", "test", "-race", "-count", "1000", "-failfast", "-timeout", "60s", "-run", "^TestBug$", ".")
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
				err = cmd.Run()
				stressFound := 0.0
				if err != nil {
					stressFound = 1
				}
				b.ReportMetric(stressFound, "stress-found")
				b.ReportMetric(float64(time.Since(start).Milliseconds()), "stress-ms")
				_ = stressRuns
			}
		})
	}
}
