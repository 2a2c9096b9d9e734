// Package lessons holds the course's lessons. Its tests keep every lesson honest: each
// example program runs, and where the lesson shows its output (output.txt beside it),
// it prints exactly that, for real and under the simulator on every schedule tried;
// and every generated picture of a run is what the simulator draws today.
package lessons

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
	bin := t.TempDir()
	for _, main := range mains {
		dir := filepath.Dir(main)
		want, err := os.ReadFile(filepath.Join(dir, "output.txt"))
		if os.IsNotExist(err) {
			// A nondeterministic example: the lesson shows no output for it, but
			// a learner may still explore, replay and trace it.
			t.Run(filepath.ToSlash(dir), func(t *testing.T) {
				if testing.Short() {
					t.Skip("builds the example under the simulator")
				}
				t.Parallel()
				abs, _ := filepath.Abs(dir)
				if _, err := simrun.Run(context.Background(), simrun.Config{Dir: abs, Harness: harness.Config{
					Mode: "explore", Strategy: "random", Seed: 1, Schedules: 3,
				}, Timeout: 3 * time.Minute}); err != nil {
					t.Errorf("gocourse explore %s: %v", dir, err)
				}
			})
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.ToSlash(dir), func(t *testing.T) {
			t.Parallel()
			exe := filepath.Join(bin, filepath.Base(filepath.Dir(dir))+"-"+filepath.Base(dir))
			if out, err := exec.Command("go", "build", "-o", exe, "./"+dir).CombinedOutput(); err != nil {
				t.Fatalf("build: %v\n%s", err, out)
			}
			got, err := exec.Command(exe).Output()
			if err != nil {
				t.Fatalf("run: %v", err)
			}
			// A program that reads the clock prints real durations, which a busy
			// machine stretches: for real, its output must match but for those;
			// the exact durations are checked under the simulator's virtual clock.
			clock := readsClock(t, dir)
			if !bytes.Equal(got, want) && !(clock && bytes.Equal(maskDurations(got), maskDurations(want))) {
				t.Errorf("%s prints:\n%s\nbut %s/output.txt shows:\n%s", main, got, dir, want)
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
			abs, _ := filepath.Abs(dir)
			rep, err := simrun.Run(context.Background(), simrun.Config{Dir: abs, Harness: harness.Config{
				Mode: "explore", Strategy: "random", Seed: 1, Schedules: 50, WantOutput: true, Output: string(want),
			}, Timeout: 3 * time.Minute})
			if err != nil {
				t.Fatalf("under the simulator: %v", err)
			}
			if rep.Result != nil {
				t.Errorf("under the simulator, schedule %d (replay %s): %s", rep.Schedules, rep.Replay, rep.Result)
			}
		})
	}
}

// durations are Go time.Duration values as printed: 0s, 200ms, 1.5s, 1m30s.
var durations = regexp.MustCompile(`\b(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+\b`)

// maskDurations replaces every printed duration with a placeholder.
func maskDurations(b []byte) []byte { return durations.ReplaceAll(b, []byte("<duration>")) }

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

// TestMaskDurations pins what counts as a duration: the real run of a clock-reading
// example may differ from its output.txt in these and nothing else.
func TestMaskDurations(t *testing.T) {
	got := string(maskDurations([]byte("0s request 1\n200ms request 4\n1.5s done after 1m30s, 3 tokens\n")))
	want := "<duration> request 1\n<duration> request 4\n<duration> done after <duration>, 3 tokens\n"
	if got != want {
		t.Errorf("maskDurations = %q, want %q", got, want)
	}
	if bytes.Equal(maskDurations([]byte("0s request 1\n")), maskDurations([]byte("0s request 2\n"))) {
		t.Error("outputs that differ in more than durations compare equal")
	}
}
