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
			if !bytes.Equal(got, want) {
				t.Errorf("%s prints:\n%s\nbut %s/output.txt shows:\n%s", main, got, dir, want)
			}
			// The same program under the simulator prints the same on every schedule,
			// unless nosim.txt beside it says why it cannot run there.
			if testing.Short() {
				return
			}
			if why, err := os.ReadFile(filepath.Join(dir, "nosim.txt")); err == nil {
				t.Logf("not run under the simulator: %s", why)
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
