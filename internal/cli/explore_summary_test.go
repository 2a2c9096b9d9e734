package cli

import (
	"strings"
	"testing"

	"github.com/gocourse/gocourse/grader/simrun"
	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/harness"
)

// A pass covers every test of the package: the summary counts them instead of
// naming the last one run, and the note of goroutines left blocked names the
// test whose first schedule left them. A failure names its test.
func TestSummaryNamesWhatRan(t *testing.T) {
	opts := &simOptions{target: "./pool", strategy: "random", seed: 1}
	first := &sim.Result{Unfinished: []sim.GoroutineInfo{{ID: 4, State: "chan receive"}}}
	pass := &simrun.Report{Report: harness.Report{Target: "TestLast", Tests: []string{"TestFirst", "TestLast"}, Schedules: 4, First: first}}
	out := opts.summary(pass)
	if out.Target != "./pool (2 tests and examples)" {
		t.Errorf("pass: target %q, want the count of tests", out.Target)
	}
	if !strings.Contains(out.Note, "when TestFirst returned") {
		t.Errorf("pass: note %q, want it to name TestFirst", out.Note)
	}
	fail := &simrun.Report{Report: harness.Report{Target: "TestLast", Tests: []string{"TestFirst", "TestLast"}, Schedules: 3,
		Result: &sim.Result{Outcome: sim.Deadlock}}}
	if out := opts.summary(fail); out.Target != "./pool TestLast" {
		t.Errorf("fail: target %q, want the failing test named", out.Target)
	}
}
