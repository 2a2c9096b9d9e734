package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fatih/color"

	"github.com/gocourse/gocourse/grader"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// class is a small class whose results cover every status, a message with a file
// and line, and text that learner code could have printed.
func class() []*Submission {
	sum := func(status grader.Status, score float64, checks ...grader.CheckResult) *grader.Result {
		r := &grader.Result{ID: "01-basics/sum", Status: status, Checks: checks, Score: score, MaxScore: 3, Duration: 2500}
		return r
	}
	build := grader.CheckResult{Name: "build", Status: grader.Pass, Weight: 1, Duration: 1200}
	return []*Submission{
		NewSubmission("alice", []*grader.Result{
			sum(grader.Pass, 3, build, grader.CheckResult{Name: "test", Status: grader.Pass, Weight: 2, Duration: 1300}),
			{ID: "01-basics/wait", Status: grader.Fail, Score: 0, MaxScore: 2, Duration: 900, Checks: []grader.CheckResult{
				{Name: "build", Status: grader.Fail, Weight: 1, Duration: 900, Message: "exercises/01-basics/wait/wait.go:5: undefined: nothing"},
				{Name: "test", Status: grader.Skip, Weight: 1, Message: "not run: fix the problem above first"},
			}},
		}),
		NewSubmission("=bob", []*grader.Result{
			sum(grader.Fail, 1, build, grader.CheckResult{Name: "test", Status: grader.Fail, Weight: 2, Duration: 1300,
				Message: "TestSum failed:\n  sum_test.go:8: Sum(1, 2) = 0, want 3\n  \u200b::error file=x::100%, pwned ~~~ | <b>"}),
			{ID: "01-basics/wait", Status: grader.Error, Score: 0, MaxScore: 2, Duration: 10, Checks: []grader.CheckResult{
				{Name: "setup", Status: grader.Error, Message: "cannot run the go command \"go\""},
				{Name: "build", Status: grader.Skip, Weight: 1, Message: "not run: fix the problem above first"},
				{Name: "test", Status: grader.Skip, Weight: 1, Message: "not run: fix the problem above first"},
			}},
		}),
	}
}

func TestFormats(t *testing.T) {
	color.NoColor = true
	for _, single := range []bool{false, true} {
		for _, format := range Formats {
			subs := class()
			name := format + ".class"
			if single {
				subs, name = subs[1:], format+".single"
			}
			t.Run(name, func(t *testing.T) {
				var out, summary bytes.Buffer
				if err := Write(&out, format, subs, single, &summary); err != nil {
					t.Fatal(err)
				}
				if format == "github" {
					out.WriteString("--- summary ---\n")
					out.Write(summary.Bytes())
				}
				golden(t, filepath.Join("testdata", name+".golden"), out.Bytes())
			})
		}
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestMergeShards(t *testing.T) {
	whole := class()
	var a, b bytes.Buffer
	// Shard 1 has alice and bob's first exercise, shard 2 bob's second.
	JSON(&a, []*Submission{whole[0], NewSubmission("=bob", whole[1].Exercises[:1])})
	JSON(&b, []*Submission{NewSubmission("=bob", whole[1].Exercises[1:])})
	s1, err := ReadJSON(&b)
	if err != nil {
		t.Fatal(err)
	}
	s0, err := ReadJSON(&a)
	if err != nil {
		t.Fatal(err)
	}
	merged, err := Merge([]string{"01-basics/sum", "01-basics/wait"}, s1, s0)
	if err != nil {
		t.Fatal(err)
	}
	want := class()
	// Merge orders learners by name: "=bob" < "alice".
	want[0], want[1] = want[1], want[0]
	if !reflect.DeepEqual(merged, want) {
		t.Errorf("merged class differs from the whole")
	}
	if _, err := Merge(nil, s0, s0); err == nil {
		t.Error("merging a shard with itself: no error for exercises graded twice")
	}
}

func TestReadJSONRejectsOtherFiles(t *testing.T) {
	for _, in := range []string{`{"version": 3, "status": "pass"}`, `[{"learner": "a", "bogus": 1}]`, `not json`} {
		if _, err := ReadJSON(bytes.NewReader([]byte(in))); err == nil {
			t.Errorf("ReadJSON(%s): no error", in)
		}
	}
}

// TestGitHubLocation shows that annotations are placed by the result's typed
// Location, never by a file:line found in the text of a message, which
// learner code can print.
func TestGitHubLocation(t *testing.T) {
	r := &grader.Result{ID: "01-basics/wait", Status: grader.Fail, Checks: []grader.CheckResult{
		{Name: "build", Status: grader.Fail, Message: "exercises/01-basics/wait/wait.go:5: undefined: nothing",
			Location: &grader.Location{File: "exercises/01-basics/wait/wait.go", Line: 5}},
		{Name: "test", Status: grader.Fail, Message: "exercises/01-basics/wait/other.go:9: printed by the program"},
	}}
	var out bytes.Buffer
	if err := GitHub(&out, []*Submission{NewSubmission("me", []*grader.Result{r})}, true); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "::error file=exercises/01-basics/wait/wait.go,line=5,title=") {
		t.Errorf("located annotation: %q", lines)
	}
	if len(lines) == 2 && strings.Contains(lines[1], "file=") {
		t.Errorf("a file:line in a message placed an annotation: %q", lines[1])
	}
}
