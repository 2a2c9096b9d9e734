package course

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeCourse lays out a course from a map of relative paths to contents.
func writeCourse(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const goodExercise = `title: T
kind: fix
section: S
files: [a.go]
hints: [one, two]
checks:
  - kind: build
  - kind: test
    weight: 2
    cpu: [1, 8]
    timeout: 5s
`

func TestLoad(t *testing.T) {
	root := writeCourse(t, map[string]string{
		"course.yaml":                     "title: C\nlessons:\n  - id: 01-a\n    title: A\n    exercises: [x, y]\n",
		"exercises/01-a/x/exercise.yaml":  goodExercise,
		"exercises/01-a/y/exercise.yaml":  goodExercise,
		"exercises/01-a/x/sub/ignored.go": "",
	})
	c, err := Load(root)
	if err != nil {
		t.Fatal(err)
	}
	exs := c.Exercises()
	if len(exs) != 2 || exs[0].ID != "01-a/x" || exs[1].ID != "01-a/y" {
		t.Fatalf("exercises = %v", exs)
	}
	x := exs[0]
	if x.Path() != "exercises/01-a/x" || x.SolutionPath() != "solutions/01-a/x" || x.Lesson.Path() != "lessons/01-a/README.md" {
		t.Errorf("paths: %s %s %s", x.Path(), x.SolutionPath(), x.Lesson.Path())
	}
	build, test := x.Checks[0], x.Checks[1]
	if build.Kind != "build" || build.Weight != 1 || build.Line != 7 || build.File != "exercises/01-a/x/exercise.yaml" {
		t.Errorf("defaults not filled in: %+v", build)
	}
	if test.Kind != "test" || test.Weight != 2 || test.Line != 8 {
		t.Errorf("settings not read: %+v", test)
	}
	var settings struct {
		Limits struct {
			CPU []int `yaml:"cpu"`
		} `yaml:",inline"`
		Timeout time.Duration `yaml:"timeout"`
	}
	if err := test.Decode(&settings); err != nil || settings.Timeout != 5*time.Second || len(settings.Limits.CPU) != 2 {
		t.Errorf("Decode = %+v, %v", settings, err)
	}
	for _, id := range []string{"01-a/y", "y", "exercises/01-a/y/"} {
		if e, err := c.Exercise(id); err != nil || e.ID != "01-a/y" {
			t.Errorf("Exercise(%q) = %v, %v", id, e, err)
		}
	}
	if _, err := c.Exercise("z"); err == nil || !strings.Contains(err.Error(), `unknown exercise "z"`) {
		t.Errorf("Exercise(z) error = %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	course := "lessons:\n  - id: 01-a\n    exercises: [x]\n"
	tests := []struct {
		name     string
		course   string
		exercise string
		want     string
	}{
		{"syntax", "lessons: [\n", "", "course.yaml: line 1: did not find expected node content"},
		{"unknown field in course", "lesson: []\n", "", "course.yaml: line 1: field lesson not found (known fields: title, lessons)"},
		{"missing exercise", course, "", `course.yaml: line 3: exercise "01-a/x": exercises/01-a/x/exercise.yaml does not exist`},
		{"duplicate", "lessons:\n  - id: 01-a\n    exercises: [x, x]\n", goodExercise, `course.yaml: line 3: exercise "01-a/x" listed twice`},
		{"check without a kind", course, strings.Replace(goodExercise, "kind: test", "race: true", 1), `exercises/01-a/x/exercise.yaml: line 8: a check without a kind`},
		{"bad weight", course, strings.Replace(goodExercise, "weight: 2", "weight: -1", 1), `exercises/01-a/x/exercise.yaml: line 8: weight must not be negative`},
		{"unknown field", course, goodExercise + "hint: [x]\n", "exercises/01-a/x/exercise.yaml: line 12: field hint not found (known fields: title, kind, section, files, hints, checks)"},
		{"unquoted colon", course, strings.Replace(goodExercise, "hints: [one, two]", "hints:\n  - wait: then go", 1), `exercises/01-a/x/exercise.yaml: line 6: expected text, found a "key: value" pair (text that contains ": " must be quoted)`},
		{"bad kind", course, strings.Replace(goodExercise, "kind: fix", "kind: guess", 1), `exercises/01-a/x/exercise.yaml: unknown exercise kind "guess" (want implement, fix, timing or predict)`},
		{"test file", course, strings.Replace(goodExercise, "[a.go]", "[a_test.go]", 1), `exercises/01-a/x/exercise.yaml: files: "a_test.go" must be a .go file (not a test) in the exercise folder`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"course.yaml": tt.course}
			if tt.exercise != "" {
				files["exercises/01-a/x/exercise.yaml"] = tt.exercise
			}
			_, err := Load(writeCourse(t, files))
			if err == nil || err.Error() != tt.want {
				t.Errorf("Load error:\n got %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestCheckDecode shows that a check's settings are read strictly, against the
// type the kind declares, with errors located at their line.
func TestCheckDecode(t *testing.T) {
	root := writeCourse(t, map[string]string{
		"course.yaml":                    "lessons:\n  - id: 01-a\n    exercises: [x]\n",
		"exercises/01-a/x/exercise.yaml": goodExercise,
	})
	c, err := Load(root)
	if err != nil {
		t.Fatal(err)
	}
	test := c.Exercises()[0].Checks[1]
	var narrow struct {
		Timeout time.Duration `yaml:"timeout"`
	}
	err = test.Decode(&narrow)
	if want := "exercises/01-a/x/exercise.yaml: line 10: field cpu not found in a test check (known fields: kind, weight, timeout)"; err == nil || err.Error() != want {
		t.Errorf("unknown field:\n got %v\nwant %s", err, want)
	}
	var wrong struct {
		CPU     []int  `yaml:"cpu"`
		Timeout []bool `yaml:"timeout"`
	}
	if err := test.Decode(&wrong); err == nil || !strings.HasPrefix(err.Error(), "exercises/01-a/x/exercise.yaml: line 11: ") {
		t.Errorf("wrong type: %v", err)
	}
	bad := strings.Replace(goodExercise, "5s", "soon", 1)
	os.WriteFile(filepath.Join(root, "exercises/01-a/x/exercise.yaml"), []byte(bad), 0o644)
	if c, err = Load(root); err != nil {
		t.Fatal(err)
	}
	var s struct {
		CPU     []int         `yaml:"cpu"`
		Timeout time.Duration `yaml:"timeout"`
	}
	err = c.Exercises()[0].Checks[1].Decode(&s)
	if want := `exercises/01-a/x/exercise.yaml: line 11: "soon" is not a duration (write it like 30s or 1m30s)`; err == nil || err.Error() != want {
		t.Errorf("bad duration:\n got %v\nwant %s", err, want)
	}
	if err := (Check{Kind: "test"}).Decode(&s); err != nil {
		t.Errorf("a check made in code has no settings to decode: %v", err)
	}
}

func TestState(t *testing.T) {
	root := writeCourse(t, map[string]string{
		"course.yaml":                    "lessons:\n  - id: 01-a\n    exercises: [x, y]\n",
		"exercises/01-a/x/exercise.yaml": goodExercise,
		"exercises/01-a/y/exercise.yaml": goodExercise,
	})
	c, err := Load(root)
	if err != nil {
		t.Fatal(err)
	}
	st, warn := LoadState(root)
	if warn != nil || c.Current(st).ID != "01-a/x" {
		t.Fatalf("fresh state: current %v, warn %v", c.Current(st), warn)
	}
	st.MarkDone("01-a/x")
	st.Hints["01-a/y"] = 1
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	st, _ = LoadState(root)
	if c.Current(st).ID != "01-a/y" || st.Hints["01-a/y"] != 1 {
		t.Fatalf("saved state not read back: %+v", st)
	}
	if done, total := c.Progress(st); done != 1 || total != 2 {
		t.Errorf("Progress = %d/%d", done, total)
	}
	st.MarkDone("01-a/y")
	if c.Current(st) != nil {
		t.Errorf("all done, yet current is %v", c.Current(st))
	}

	os.WriteFile(filepath.Join(root, StateFile), []byte("{not json"), 0o644)
	st, warn = LoadState(root)
	if warn == nil || !strings.Contains(warn.Error(), "corrupt") || len(st.Done) != 0 {
		t.Errorf("corrupt state: %+v, %v", st, warn)
	}
}
