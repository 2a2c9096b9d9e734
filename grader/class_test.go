package grader

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/gocourse/gocourse/course"
)

// classFixture writes the tiny two-exercise course of cmd/gocourse's class
// tests, and a class of workbooks of it: each learner's double.go and wait.go
// are the variants named.
func classFixture(t *testing.T, learners [][2]string) (*course.Course, []Workbook) {
	t.Helper()
	a, err := txtar.ParseFile("../cmd/gocourse/testdata/grade-course.txtar")
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
	c, err := course.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	var wbs []Workbook
	for i, l := range learners {
		name := string(rune('a' + i))
		dir := filepath.Join(work, "class", name)
		if err := os.CopyFS(dir, os.DirFS(filepath.Join(root))); err != nil {
			t.Fatal(err)
		}
		os.RemoveAll(filepath.Join(dir, "solutions"))
		os.WriteFile(filepath.Join(dir, "exercises/01-basics/double/double.go"), variants["double/"+l[0]], 0o644)
		os.WriteFile(filepath.Join(dir, "exercises/01-basics/wait/wait.go"), variants["wait/"+l[1]], 0o644)
		wbs = append(wbs, Workbook{Name: name, Dir: dir})
	}
	return c, wbs
}

// resultsJSON is the class's results as JSON; without durations, they are
// what two gradings of the same files must agree on.
func resultsJSON(t *testing.T, rs [][]*Result, durations bool) string {
	t.Helper()
	var copies [][]Result
	for _, l := range rs {
		var cl []Result
		for _, r := range l {
			x := *r
			x.Checks = append([]CheckResult(nil), r.Checks...)
			if !durations {
				x.Duration = 0
				for i := range x.Checks {
					x.Checks[i].Duration = 0
				}
			}
			cl = append(cl, x)
		}
		copies = append(copies, cl)
	}
	data, err := json.MarshalIndent(copies, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestGradeSharesIdenticalFiles grades a class of four in which learners
// share files (two untouched starters, two identical solutions) one grading
// at a time with Check, and with Grade, which grades each content once. The
// grades must be the same, byte for byte but for the durations. A second
// Grade with the cache on disk takes every result from it, and gives what
// the first gave, durations included.
func TestGradeSharesIdenticalFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("grades a class")
	}
	c, wbs := classFixture(t, [][2]string{
		{"solved", "starter"},
		{"starter", "starter"},
		{"solved", "solved"},
		{"broken", "solved"},
	})
	exs := c.Exercises()
	ctx := context.Background()
	hide := []string{filepath.Dir(wbs[0].Dir)}

	var direct [][]*Result
	for _, w := range wbs {
		var rs []*Result
		for _, ex := range exs {
			rs = append(rs, Check(ctx, c, ex, Options{Workbook: w.Dir, Hide: hide}))
		}
		direct = append(direct, rs)
	}

	dir := t.TempDir()
	grade := func() ([][]*Result, int) {
		cache, err := NewCache(dir)
		if err != nil {
			t.Fatal(err)
		}
		cached := 0
		rs, err := Grade(ctx, c, wbs, exs, ClassOptions{
			Options: Options{Hide: hide}, Jobs: 2, Cache: cache,
			Graded: func(w Workbook, ex *course.Exercise, res *Result, hit bool) {
				if hit {
					cached++
				}
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		return rs, cached
	}
	first, cached := grade()
	if got, want := resultsJSON(t, first, false), resultsJSON(t, direct, false); got != want {
		t.Errorf("Grade with its cache gives:\n%s\ngrading each alone gives:\n%s", got, want)
	}
	// 8 gradings of 5 contents: double solved, starter, broken; wait starter, solved.
	if cached != 3 {
		t.Errorf("%d results were shared, want 3 (8 gradings of 5 distinct inputs)", cached)
	}
	second, cached := grade()
	if got, want := resultsJSON(t, second, true), resultsJSON(t, first, true); got != want {
		t.Errorf("the run from the cache on disk gives:\n%s\nthe run that filled it gave:\n%s", got, want)
	}
	if cached != 8 {
		t.Errorf("%d of 8 results came from the cache on disk", cached)
	}
}

// TestCacheKey checks what a key depends on: the learner's editable files
// and the course's exercise, not the workbook's other files or its place.
func TestCacheKey(t *testing.T) {
	c, wbs := classFixture(t, [][2]string{{"solved", "starter"}, {"solved", "solved"}, {"starter", "starter"}})
	k, err := NewCache("")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	double, _ := c.Exercise("01-basics/double")
	key := func(w Workbook) string {
		t.Helper()
		s, ok := k.Key(ctx, c, double, Options{Workbook: w.Dir})
		if !ok {
			t.Fatalf("%s: no key", w.Name)
		}
		return s
	}
	if key(wbs[0]) != key(wbs[1]) {
		t.Error("two workbooks with the same double.go have different keys")
	}
	if key(wbs[0]) == key(wbs[2]) {
		t.Error("a solved and an untouched double.go have the same key")
	}
	// A test file the learner added is not graded (the course's replace it).
	os.WriteFile(filepath.Join(wbs[1].Dir, "exercises/01-basics/double/extra_test.go"), []byte("package double\n"), 0o644)
	if key(wbs[0]) != key(wbs[1]) {
		t.Error("a file the grader ignores changed the key")
	}
	// A helper file of the package is graded, so it is part of the key.
	helper := filepath.Join(wbs[1].Dir, "exercises/01-basics/double/helper.go")
	os.WriteFile(helper, []byte("package double\n\nconst unused = 1\n"), 0o644)
	if key(wbs[0]) == key(wbs[1]) {
		t.Error("a helper file that grading builds did not change the key")
	}
	os.Remove(helper)
	// A workbook whose exercise folder is a link to another's has no key: it
	// must not be handed the other's cached result.
	linked := t.TempDir()
	os.MkdirAll(filepath.Join(linked, "exercises/01-basics"), 0o755)
	os.Symlink(filepath.Join(wbs[0].Dir, "exercises/01-basics/double"), filepath.Join(linked, "exercises/01-basics/double"))
	if _, ok := k.Key(ctx, c, double, Options{Workbook: linked}); ok {
		t.Error("an exercise folder that is a link to another workbook's has a key")
	}
	// The course's tests are part of the key.
	k2, _ := NewCache("")
	test := filepath.Join(c.Root, "exercises/01-basics/double/double_test.go")
	data, _ := os.ReadFile(test)
	os.WriteFile(test, append(data, "\n// changed\n"...), 0o644)
	if s, _ := k2.Key(ctx, c, double, Options{Workbook: wbs[0].Dir}); s == key(wbs[0]) {
		t.Error("a change to the course's test did not change the key")
	}
	// No key for what grading would refuse, nor for the course's own checkout.
	os.Remove(filepath.Join(wbs[2].Dir, "exercises/01-basics/double/double.go"))
	os.Symlink("/etc/passwd", filepath.Join(wbs[2].Dir, "exercises/01-basics/double/double.go"))
	if _, ok := k.Key(ctx, c, double, Options{Workbook: wbs[2].Dir}); ok {
		t.Error("a link in place of the learner's file has a key")
	}
	if _, ok := k.Key(ctx, c, double, Options{Workbook: c.Root}); ok {
		t.Error("the course's own checkout has a key")
	}
}
