package grader

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/sim/harness"
)

// TestSimCheckRace runs the sim check with race: true on a racy kernel and on a
// race-free one (grader/simrun/testdata), and without race on the racy one.
func TestSimCheckRace(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs with -race")
	}
	yes, no := true, false
	root, _ := filepath.Abs(filepath.Join("simrun", "testdata"))
	check := func(dir string, race *bool) CheckResult {
		// TmpDir holds the run folder: the program runs in the sandbox.
		env := &Env{Exercise: &course.Exercise{ID: dir}, Root: root, Dir: filepath.Join(root, dir), BuildDir: filepath.Join(root, dir), Tests: []string{"TestBug", "TestOK"}, TmpDir: t.TempDir(),
			Opts: Options{Command: "go run ./cmd/gocourse"}}
		if err := env.makeRunDir(); err != nil {
			t.Fatal(err)
		}
		return simCheck{}.Check(context.Background(), env, simSettings{Exploration: harness.Exploration{Strategy: "pct", Depth: 3, Seed: 1, Schedules: 2000}, Race: race})
	}
	res := check("races/publish", &yes)
	if res.Status != Fail || !strings.Contains(res.Message, "data race") || !strings.Contains(res.Message, "config.go:21") || !strings.Contains(res.Message, "see it whole: go run ./cmd/gocourse trace --race --replay") || res.Replay == "" {
		t.Errorf("racy, race: true: %s %s\n%s", res.Status, res.Replay, res.Message)
	}
	t.Logf("%s", res.Message)
	if res := check("races/publish", &no); res.Status != Pass {
		t.Errorf("racy, race: false: %s\n%s", res.Status, res.Message)
	}
	if res := check("racefree/rendezvous", &yes); res.Status != Pass {
		t.Errorf("race-free, race: true: %s\n%s", res.Status, res.Message)
	}
}
