// Package lessons holds the course's lessons. Its tests keep every lesson honest: each
// example program runs, and where the lesson shows its output (output.txt beside it),
// it prints exactly that, for real on GOMAXPROCS 1, 2 and 8 and under the simulator
// on every schedule tried;
// and every generated picture of a run is what the simulator draws today.
package lessons

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gocourse/gocourse/grader/simrun"
	"github.com/gocourse/gocourse/sim/harness"
)

func TestExamplesPrintWhatTheLessonsShow(t *testing.T) {
	mains, err := filepath.Glob("*/examples/*/main.go")
	if err != nil {
		t.Fatal(err)
	}
	if len(mains) == 0 {
		t.Fatal("no lesson examples found")
	}
	for _, main := range mains {
		dir := filepath.Dir(main)
		want, err := os.ReadFile(filepath.Join(dir, "output.txt"))
		if os.IsNotExist(err) {
			// A nondeterministic example: the lesson shows no output for it, but
			// a learner may still explore, replay and trace it. One that the
			// lesson traces is already run under the simulator by TestTraces.
			t.Run(filepath.ToSlash(dir), func(t *testing.T) {
				if testing.Short() {
					t.Skip("builds the example under the simulator")
				}
				if tracedExample(t, dir) {
					t.Skip("traced in its lesson: TestTraces runs it under the simulator")
				}
				if signalledExample(dir) {
					t.Skip("it waits for a signal: TestSignalExamplesSimulated runs it under the simulator with one")
				}
				t.Parallel()
				h := harness.Config{Mode: "explore", Strategy: "random", Seed: 1, Schedules: 3}
				rep, err := runUnderSim(dir, h)
				if err != nil {
					t.Fatalf("gocourse explore %s: %v", dir, err)
				}
				// A run whose virtual time moves goes on, like the real
				// program, until the time limit: an example that never ends
				// by itself checks nothing here.
				if rep.TimedOut {
					t.Errorf("gocourse explore %s: the time limit ran out after %d of %d schedules", dir, rep.Schedules, h.Schedules)
				}
			})
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.ToSlash(dir), func(t *testing.T) {
			t.Parallel()
			exe, err := exampleBinary(dir, "", false)
			if err != nil {
				t.Fatal(err)
			}
			// A program that reads the clock prints what real time gives it
			// (durations, ticks counted from them), which a busy machine
			// stretches: for real, its output must match but for the numbers.
			// A program that waits on timers prints, in exact time, what
			// output.txt shows; for real a timer fires "at least" d later, and
			// a machine busy enough to wake a goroutine tens of milliseconds
			// late can reorder what the program's margins keep apart, so there
			// a real run that differs is reported, not failed. Both kinds are
			// checked exactly below, under the simulator's virtual clock.
			clock, timers := readsClock(t, dir), waitsOnTimers(t, dir)
			_, err = os.Stat(filepath.Join(dir, "nosim.txt"))
			hasNoSim := err == nil
			// One run on each of the GOMAXPROCS values the claims use.
			for _, procs := range []string{"1", "2", "8"} {
				cmd := exec.Command(exe)
				cmd.Env = append(os.Environ(), "GOMAXPROCS="+procs)
				got, err := cmd.Output()
				if err != nil {
					t.Fatalf("run with GOMAXPROCS=%s: %v", procs, err)
				}
				if bytes.Equal(got, want) || clock && bytes.Equal(maskNumbers(got), maskNumbers(want)) {
					continue
				}
				msg := fmt.Sprintf("with GOMAXPROCS=%s %s prints:\n%s\nbut %s/output.txt shows:\n%s", procs, main, got, dir, want)
				if timers && !hasNoSim {
					t.Logf("%s(it waits on timers: a late wake-up on a busy machine; its exact output is checked in virtual time, unless -short)", msg)
					continue
				}
				t.Error(msg)
			}
			// The same program under the simulator prints the same on every schedule,
			// unless nosim.txt beside it says why it cannot run there.
			if testing.Short() {
				return
			}
			if why, err := os.ReadFile(filepath.Join(dir, "nosim.txt")); err == nil {
				if clock {
					t.Logf("its durations are checked nowhere exactly: not run under the simulator: %s", why)
				} else {
					t.Logf("not run under the simulator: %s", why)
				}
				return
			}
			h := harness.Config{Mode: "explore", Strategy: "random", Seed: 1, Schedules: 50, WantOutput: true, Output: string(want)}
			exploreFlags(t, dir, &h)
			rep, err := runUnderSim(dir, h)
			if err != nil {
				t.Fatalf("under the simulator: %v", err)
			}
			if rep.Result != nil {
				t.Errorf("under the simulator, schedule %d (replay %s): %s", rep.Schedules, rep.Replay, rep.Result)
			}
		})
	}
}

// simProgram is an example built under the simulator, shared by every test
// that runs it there (an example with output.txt that its lesson also traces
// is explored by TestExamplesPrintWhatTheLessonsShow and drawn by TestTraces;
// some examples are traced twice, and TestSignalExamplesSimulated runs one
// example with two sets of signals): the build is most of the cost of a run.
type simProgram struct {
	once sync.Once
	prog *simrun.Program
	err  error
	mu   sync.Mutex // a Program runs one configuration at a time
}

// simPrograms maps an example's absolute folder to its *simProgram; TestMain
// closes them.
var simPrograms sync.Map

// runUnderSim runs the example in dir under the simulator with the harness
// configuration h, building it the first time any test asks.
func runUnderSim(dir string, h harness.Config) (*simrun.Report, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	v, _ := simPrograms.LoadOrStore(abs, &simProgram{})
	p := v.(*simProgram)
	p.once.Do(func() {
		p.prog, p.err = simrun.Build(context.Background(), simrun.Config{Dir: abs, Timeout: 3 * time.Minute})
	})
	if p.err != nil {
		return nil, p.err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.prog.Run(context.Background(), h)
}

// closeSimPrograms removes the examples built under the simulator.
func closeSimPrograms() {
	simPrograms.Range(func(_, v any) bool {
		if p := v.(*simProgram); p.prog != nil {
			p.prog.Close()
		}
		return true
	})
}

// exploreFlags applies explore.txt beside the example in dir, when there is
// one: gocourse explore's flags for an example that the usual exploration
// does not fit, --max-steps N (more schedule points than the default limit)
// and --schedules N (fewer schedules, each costly). Lines starting with # say
// why. A line it cannot read fails the test, naming the file and the line.
func exploreFlags(t *testing.T, dir string, h *harness.Config) {
	name := filepath.Join(dir, "explore.txt")
	src, err := os.ReadFile(name)
	if os.IsNotExist(err) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(src), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		for j := 0; j < len(fields); j += 2 {
			if j+1 == len(fields) {
				t.Fatalf("%s:%d: %s has no value", name, i+1, fields[j])
			}
			n, err := strconv.Atoi(fields[j+1])
			if err != nil || n <= 0 {
				t.Fatalf("%s:%d: %s %s: want a positive number", name, i+1, fields[j], fields[j+1])
			}
			switch fields[j] {
			case "--max-steps":
				h.MaxSteps = n
			case "--schedules":
				h.Schedules = n
			default:
				t.Fatalf("%s:%d: unknown flag %s (explore.txt takes --max-steps and --schedules)", name, i+1, fields[j])
			}
		}
	}
}

// tracedExample reports whether the lesson of the example in dir draws a
// trace of it (a gocourse trace marker), which TestTraces checks.
func tracedExample(t *testing.T, dir string) bool {
	lesson := filepath.Join(filepath.Dir(filepath.Dir(dir)), "README.md")
	src, err := os.ReadFile(lesson)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range traceMarker.FindAllSubmatch(src, -1) {
		if filepath.Base(string(m[1])) == filepath.Base(dir) {
			return true
		}
	}
	return false
}

// numbers are numbers and Go durations as printed (7, 0.5, 200ms, 1m30s), with the
// spaces before them that align columns.
var numbers = regexp.MustCompile(`[ \t]*\b\d+(\.\d+)?(ns|us|µs|ms|s|m|h)?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))*\b`)

// maskNumbers replaces every number and duration with " #".
func maskNumbers(b []byte) []byte { return numbers.ReplaceAll(b, []byte(" #")) }

// readsClock reports whether the example in dir reads the real clock (time.Now,
// time.Since, time.Until), so that what it prints may depend on how busy the
// machine is.
func readsClock(t *testing.T, dir string) bool {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if clockCall.Match(src) {
			return true
		}
	}
	return false
}

var clockCall = regexp.MustCompile(`\btime\.(Now|Since|Until)\(`)

// waitsOnTimers reports whether the example in dir waits on real timers
// (time.Sleep, time.After, time.AfterFunc, timers and tickers), so that the
// order of what it prints may rest on margins a busy machine can eat.
func waitsOnTimers(t *testing.T, dir string) bool {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if timerCall.Match(src) {
			return true
		}
	}
	return false
}

var timerCall = regexp.MustCompile(`\btime\.(Sleep|After|AfterFunc|NewTimer|NewTicker|Tick)\(`)

// TestMaskNumbers pins what the real run of a clock-reading example may change
// from its output.txt: numbers and durations, and the spaces aligning them.
func TestMaskNumbers(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"0s request 1\n200ms request 4\n", "0s request 1\n300ms request 4\n"},
		{"writer done at tick  9, reader at tick 13\n", "writer done at tick 10, reader at tick 14\n"},
		{"done after 1m30s\n", "done after 1.5s\n"},
	} {
		if !bytes.Equal(maskNumbers([]byte(tc.a)), maskNumbers([]byte(tc.b))) {
			t.Errorf("%q and %q differ in more than numbers: %q, %q", tc.a, tc.b, maskNumbers([]byte(tc.a)), maskNumbers([]byte(tc.b)))
		}
	}
	for _, tc := range []struct{ a, b string }{
		{"0s request 1\n", "0s reply 1\n"},
		{"a\nb\n", "b\na\n"},
		{"tick 1\n", "tick 1\ntick 2\n"},
	} {
		if bytes.Equal(maskNumbers([]byte(tc.a)), maskNumbers([]byte(tc.b))) {
			t.Errorf("%q and %q compare equal", tc.a, tc.b)
		}
	}
}
