package simrun

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/harness"
)

// raceOrders are programs whose blocking bug needs a data race first: a flag
// written without synchronisation decides whether a goroutine is waited for.
// With one P the order of the racing accesses is fixed by construction, and
// the real runtime's verdict with it, realOneP, is the same every time; where
// it deadlocks, its race detector reports the race first.
var raceOrders = []struct {
	dir      string
	realOneP string
	write    string // the racing write, file:line
	read     string // the racing read
}{
	{"raceorder/late", "deadlock", "main.go:15", "main.go:19"},   // the bug when the write lands after the read
	{"raceorder/early", "deadlock", "main.go:19", "main.go:26"},  // the bug when the write lands before the read
	{"raceorder/startfirst", "pass", "main.go:15", "main.go:21"}, // before, with no schedule point but the go statement
}

// TestRaceThenTheBugItLeadsTo explores each raceOrders program with --race
// as gocourse explore does (RaceGoOn): the race is reported, and so is the
// deadlock one order of its accesses leads to, each with a token that
// replays it in a new process.
func TestRaceThenTheBugItLeadsTo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs with -race")
	}
	for _, tc := range raceOrders {
		t.Run(filepath.Base(tc.dir), func(t *testing.T) {
			dir, _ := filepath.Abs(filepath.Join("testdata", tc.dir))
			// The real runtime, with one P: the race detector reports the
			// race (halt_on_error ends the program there: a -race binary
			// here hangs in the deadlock that follows rather than report
			// it), and without it the program deadlocks or passes, every
			// time. Where it passes, the worker need not run before main
			// exits, and the race detector sees nothing.
			if tc.realOneP == "deadlock" {
				raced := exec.Command("go", "run", "-race", "main.go")
				raced.Dir = dir
				raced.Env = append(os.Environ(), "GOMAXPROCS=1", "GORACE=halt_on_error=1")
				out, _ := raced.CombinedOutput()
				if !strings.Contains(string(out), "WARNING: DATA RACE") {
					t.Fatalf("the real race detector does not report the race:\n%s", out)
				}
			}
			real := exec.Command("go", "run", "main.go")
			real.Dir = dir
			real.Env = append(os.Environ(), "GOMAXPROCS=1")
			out, err := real.CombinedOutput()
			deadlocked := strings.Contains(string(out), "fatal error: all goroutines are asleep - deadlock!")
			switch tc.realOneP {
			case "deadlock":
				if !deadlocked {
					t.Fatalf("the real run with one P should deadlock: %v\n%s", err, out)
				}
			case "pass":
				if err != nil || string(out) != "done\n" {
					t.Fatalf("the real run with one P should pass: %v\n%s", err, out)
				}
			}

			prog, err := Build(context.Background(), Config{Dir: dir, Race: true})
			if err != nil {
				t.Fatal(err)
			}
			defer prog.Close()
			h := harness.Config{Mode: "explore", Strategy: "random", Seed: 1, Schedules: 200, Race: true, RaceGoOn: true}
			rep := runProgram(t, prog, h)
			r := rep.Result
			if r == nil || r.Outcome != sim.Deadlock {
				t.Fatalf("explore --race: want the deadlock behind the race, got %+v", r)
			}
			race, raceReplay := r.Race, rep.Replay
			if race == nil {
				race, raceReplay = nil, rep.RaceReplay
				if rep.Race != nil {
					race = rep.Race.Race
				}
			}
			if race == nil || len(race.Accesses) != 2 || raceReplay == "" {
				t.Fatalf("explore --race: the deadlock without the race before it (race %+v, replay %q)", race, raceReplay)
			}
			var got []string
			for _, a := range race.Accesses {
				got = append(got, a.Pos)
			}
			if pos := strings.Join(got, " "); !strings.Contains(pos, tc.write) || !strings.Contains(pos, tc.read) {
				t.Errorf("race at %s, want the write at %s and the read at %s", pos, tc.write, tc.read)
			}
			t.Logf("after %d schedules: %s (%s); %s (%s)", rep.Schedules, r.Message, rep.Replay, race.Message(), raceReplay)

			// Where a race ends the run (the course's checks), every
			// schedule ends at the race: the deadlock is never reached.
			h.RaceGoOn = false
			if r := runProgram(t, prog, h).Result; r == nil || r.Outcome != sim.Race {
				t.Errorf("explore --race without going on: want the race, got %+v", r)
			}

			again := runProgram(t, prog, harness.Config{Replay: rep.Replay, Race: true, RaceGoOn: true})
			if again.Result == nil || again.Result.Outcome != sim.Deadlock {
				t.Errorf("replay %s: want the deadlock, got %+v", rep.Replay, again.Result)
			}
			again = runProgram(t, prog, harness.Config{Replay: raceReplay, Race: true, RaceGoOn: true})
			if again.Result == nil || again.Result.Race == nil {
				t.Errorf("replay %s: want the race, got %+v", raceReplay, again.Result)
			}
		})
	}
}
