package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/gocourse/gocourse/grader/report"
	"github.com/gocourse/gocourse/internal/cli"
)

// gocourse runs the command line in this process and returns its exit status and
// what it printed.
func gocourse(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Main(args, &cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

// TestGradeClassSharded grades a generated class of 30 workbooks of a tiny course
// once whole and once in three shards, merges the shards, and checks that both give
// the same grades, and the grades each workbook deserves.
func TestGradeClassSharded(t *testing.T) {
	if testing.Short() {
		t.Skip("grades 30 workbooks twice")
	}
	a, err := txtar.ParseFile("testdata/grade-course.txtar")
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	root := filepath.Join(work, "course")
	for _, f := range a.Files {
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(p string) []byte {
		data, err := os.ReadFile(filepath.Join(root, p))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	variants := map[string][]byte{
		"double/solved":  read("solutions/01-basics/double/double.go"),
		"double/starter": read("exercises/01-basics/double/double.go"),
		"double/broken":  []byte("package double\n\nfunc Double(n int) int { return m }\n"),
		"wait/solved":    read("solutions/01-basics/wait/wait.go"),
		"wait/starter":   read("exercises/01-basics/wait/wait.go"),
	}
	// Learner i: double is solved, left as the starter or broken (i%3); wait is
	// solved on even i; learner 29 submitted no wait folder at all.
	subs := filepath.Join(work, "class")
	want := map[string]float64{}
	for i := range 30 {
		name := fmt.Sprintf("learner%02d", i)
		dir := filepath.Join(subs, name)
		if err := os.CopyFS(dir, os.DirFS(filepath.Join(root))); err != nil {
			t.Fatal(err)
		}
		os.RemoveAll(filepath.Join(dir, "solutions"))
		double := []string{"solved", "starter", "broken"}[i%3]
		wait := map[bool]string{true: "solved", false: "starter"}[i%2 == 0]
		os.WriteFile(filepath.Join(dir, "exercises/01-basics/double/double.go"), variants["double/"+double], 0o644)
		os.WriteFile(filepath.Join(dir, "exercises/01-basics/wait/wait.go"), variants["wait/"+wait], 0o644)
		score := 0.0
		if double == "solved" {
			score += 3
		}
		if wait == "solved" {
			score += 4
		}
		if i == 29 {
			os.RemoveAll(filepath.Join(dir, "exercises/01-basics/wait"))
			score = 0 // 29 is broken and has no wait
		}
		want[name] = score
	}

	whole := filepath.Join(work, "whole.json")
	if code, _, errs := gocourse(t, "--course", root, "grade", "--submissions", subs, "--format", "json", "--out", whole, "--jobs", "2"); code != 0 {
		t.Fatalf("grade: exit %d\n%s", code, errs)
	}
	var shards []string
	for i := 1; i <= 3; i++ {
		f := filepath.Join(work, fmt.Sprintf("shard-%d.json", i))
		if code, _, errs := gocourse(t, "--course", root, "grade", "--submissions", subs, "--shard", fmt.Sprintf("%d/3", i), "--format", "json", "--out", f, "--jobs", "2"); code != 0 {
			t.Fatalf("grade --shard %d/3: exit %d\n%s", i, code, errs)
		}
		shards = append(shards, f)
	}
	merged := filepath.Join(work, "merged.json")
	if code, _, errs := gocourse(t, append([]string{"--course", root, "grade", "merge", "--submissions", subs, "--format", "json", "--out", merged}, shards...)...); code != 0 {
		t.Fatalf("grade merge: exit %d\n%s", code, errs)
	}

	load := func(p string) []*report.Submission {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		s, err := report.ReadJSON(f)
		if err != nil {
			t.Fatal(err)
		}
		// Durations differ from run to run; nothing else may.
		for _, sub := range s {
			for _, r := range sub.Exercises {
				r.Duration = 0
				for i := range r.Checks {
					r.Checks[i].Duration = 0
				}
			}
		}
		return s
	}
	w, m := load(whole), load(merged)
	if len(w) != 30 {
		t.Fatalf("the whole run graded %d learners, want 30", len(w))
	}
	wj, _ := json.MarshalIndent(w, "", " ")
	mj, _ := json.MarshalIndent(m, "", " ")
	if !bytes.Equal(wj, mj) {
		t.Errorf("the merged shards differ from the whole run:\n%s\n---\n%s", wj, mj)
	}
	for _, s := range w {
		if s.Score != want[s.Learner] || s.MaxScore != 7 {
			t.Errorf("%s: %g/%g, want %g/7", s.Learner, s.Score, s.MaxScore, want[s.Learner])
		}
	}

	// A missing shard is not a silent zero: its learners come back as errors.
	code, _, _ := gocourse(t, "--course", root, "grade", "merge", "--submissions", subs, "--format", "csv", "--out", filepath.Join(work, "partial.csv"), shards[0], shards[1])
	if code != 1 {
		t.Errorf("merge without shard 3: exit %d, want 1", code)
	}
	csv, _ := os.ReadFile(filepath.Join(work, "partial.csv"))
	if !strings.Contains(string(csv), "learner02,0,7,error,error,") {
		t.Errorf("merge without shard 3: learner02 is not reported as errors:\n%s", csv)
	}
}
