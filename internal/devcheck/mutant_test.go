package devcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/grader"
)

func TestLoadMutant(t *testing.T) {
	ex := &course.Exercise{ID: "01-l/e", Files: []string{"e.go"}, Checks: []course.Check{
		{Kind: "build"}, {Kind: "test"}, {Kind: "static"}, {Kind: "sim"},
	}}
	tests := []struct {
		name, yaml, err string
	}{
		{"test and static", "mistake: sleeps\nfails:\n  test: returned early\n  static: not allowed\n", ""},
		{"either phrase", "mistake: races\nfails:\n  test: [data race, wrong result]\n", ""},
		{"compiler", "mistake: closes a receive-only channel\nfails:\n  build: invalid operation\n", ""},
		{"undeclared", "mistake: sleeps\n", ""},
		{"static only", "mistake: sleeps\nfails:\n  static: not allowed\n", "fails: names only static"},
		{"static only, with the reason", "mistake: sleeps\nfails:\n  static: not allowed\nstatic-only: the fake clock lets every sleep end in time\n", ""},
		{"static-only but caught", "mistake: sleeps\nfails:\n  test: early\nstatic-only: because\n", "drop static-only"},
		{"no such check", "mistake: sleeps\nfails:\n  timing: late\n", "fails: timing: the exercise has no timing check"},
		{"empty phrase", "mistake: sleeps\nfails:\n  test: \"\"\n", "fails: test: give a phrase"},
		{"no mistake", "fails:\n  test: late\n", "mistake: must say in one line"},
		{"unknown field", "mistake: sleeps\nexpect: late\n", "field expect not found"},
		{"missing", "", "mutant.yaml: missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "solutions", "01-l", "e", "mutants", "m")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if tt.name != "missing" {
				if err := os.WriteFile(filepath.Join(dir, MutantFile), []byte(tt.yaml), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			m, err := LoadMutant(&course.Course{Root: root}, ex, "m")
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("LoadMutant: %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Fatalf("LoadMutant error = %v, want one containing %q", err, tt.err)
			case tt.err != "" && !strings.Contains(err.Error(), "solutions/01-l/e/mutants/m/mutant.yaml"):
				t.Fatalf("LoadMutant error = %v, want it to name the file", err)
			case err == nil && m.Mistake == "":
				t.Fatalf("LoadMutant read no mistake")
			}
		})
	}
}

func TestMutantProblems(t *testing.T) {
	m := &Mutant{Name: "sleeps", Mistake: "sleeps instead of waiting", Fails: map[string]Phrases{"test": {"returned early"}, "sim": {"returned early", "data race"}}}
	r := &grader.Result{Checks: []grader.CheckResult{
		{Name: "build", Status: grader.Pass},
		{Name: "test", Status: grader.Fail, Message: "TestX: Greet returned early"},
		{Name: "sim", Status: grader.Fail, Message: "TestX: wrong count"},
	}}
	got := mutantProblems(m, r)
	if len(got) != 1 || !strings.Contains(got[0], `the sim check fails without mentioning "returned early" or "data race"`) || !strings.Contains(got[0], "wrong count") {
		t.Errorf("a sim failure that does not name the mistake: problems = %q", got)
	}
	r.Checks[2] = grader.CheckResult{Name: "sim", Status: grader.Pass}
	if got := mutantProblems(m, r); len(got) != 1 || !strings.Contains(got[0], "passes the sim check; it must fail it") {
		t.Errorf("a sim check that passes: problems = %q", got)
	}
	r.Checks[2] = grader.CheckResult{Name: "sim", Status: grader.Fail, Message: "Greet returned early"}
	if got := mutantProblems(m, r); len(got) != 0 {
		t.Errorf("both checks fail naming the mistake: problems = %q", got)
	}
}

func TestUndeclared(t *testing.T) {
	m := &Mutant{Name: "sleeps", Mistake: "sleeps instead of waiting"}
	r := &grader.Result{Status: grader.Fail, Checks: []grader.CheckResult{
		{Name: "build", Status: grader.Pass},
		{Name: "test", Status: grader.Fail, Message: "TestX: Greet returned early"},
		{Name: "sim", Status: grader.Pass},
	}}
	got := undeclared(m, r)
	for _, want := range []string{"mutant sleeps (sleeps instead of waiting): its mutant.yaml declares no fails:", "test (fail):", "Greet returned early"} {
		if !strings.Contains(got, want) {
			t.Errorf("undeclared = %q; want it to contain %q", got, want)
		}
	}
	if strings.Contains(got, "sim") {
		t.Errorf("undeclared = %q names the sim check, which passed", got)
	}
}
