package grader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gocourse/gocourse/course"
)

// loadChecks lays out a one-exercise course whose checks are the YAML list
// checks, and loads it as the grader does.
func loadChecks(t *testing.T, checks string) (*course.Course, error) {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "exercises", "01-a", "x")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	course := "lessons:\n  - id: 01-a\n    exercises: [x]\n"
	exercise := "title: T\nkind: fix\nfiles: [a.go]\nchecks:\n" + checks
	if os.WriteFile(filepath.Join(root, "course.yaml"), []byte(course), 0o644) != nil ||
		os.WriteFile(filepath.Join(dir, "exercise.yaml"), []byte(exercise), 0o644) != nil {
		t.Fatal("cannot write the course")
	}
	return Load(root)
}

// oneTest is a course test file of package x with one test.
const oneTest = "package x\n\nimport \"testing\"\n\nfunc Test1(t *testing.T) {}\n"

// writeExercise writes files (a name, then its content, and so on) into the
// exercise folder of c, and the module's own go.mod and go.sum at its root
// (the generated TestMain imports goleak). It returns the exercise folder.
func writeExercise(t *testing.T, c *course.Course, files ...string) string {
	t.Helper()
	dir := filepath.Join(c.Root, "exercises", "01-a", "x")
	for _, f := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join("..", f))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, filepath.Join("..", "..", "..", f), string(data))
	}
	for i := 0; i+1 < len(files); i += 2 {
		if err := os.WriteFile(filepath.Join(dir, files[i]), []byte(files[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestPlanDefaults shows that each kind fills in its own defaults.
func TestPlanDefaults(t *testing.T) {
	c, err := loadChecks(t, "  - kind: build\n  - kind: test\n  - kind: sim\n    strategy: dfs\n  - kind: timing\n    run: TestT\n  - kind: output\n    expect: hi\n  - kind: static\n    forbid: [time.Sleep]\n")
	if err != nil {
		t.Fatal(err)
	}
	steps, err := plan(c.Exercises()[0])
	if err != nil {
		t.Fatal(err)
	}
	lanes := []lane{gate, realLane, otherLane, realLane, otherLane, otherLane}
	for i, st := range steps {
		if st.lane != lanes[i] {
			t.Errorf("check %d (%s): lane %d, want %d", i, st.check.Kind, st.lane, lanes[i])
		}
	}
	var test testSettings
	if err := settled(c, 1, &test, (*testSettings).settle); err != nil || test.Timeout != 30*time.Second || len(test.CPU) != 3 || !course.Flag(test.Race, true) {
		t.Errorf("test defaults: %+v, %v", test, err)
	}
	sim := defaultSim()
	if err := settled(c, 2, &sim, (*simSettings).settle); err != nil || sim.Schedules != 1000 || sim.Seed != 1 || sim.Preemptions != 2 || course.Flag(sim.Race, false) {
		t.Errorf("sim defaults: %+v, %v", sim, err)
	}
	timing := defaultTiming()
	if err := settled(c, 3, &timing, (*timingSettings).settle); err != nil || timing.Run != "TestT" || timing.Strategy != "random" || timing.Schedules != 1000 || timing.Timeout != 30*time.Second {
		t.Errorf("timing defaults: %+v, %v", timing, err)
	}
}

// settled decodes and settles check i of c's exercise into s.
func settled[S any](c *course.Course, i int, s *S, settle func(*S) error) error {
	if err := c.Exercises()[0].Checks[i].Decode(s); err != nil {
		return err
	}
	return settle(s)
}

// TestPlanErrors shows that a bad setting of any kind is one line naming
// exercise.yaml and the check's line, found when the catalog is loaded.
func TestPlanErrors(t *testing.T) {
	const at = "exercises/01-a/x/exercise.yaml: line "
	for _, tt := range []struct{ checks, want string }{
		{"  - kind: build\n  - kind: tming\n", at + `6: unknown check kind "tming"`},
		{"  - kind: test\n    cpu: [0]\n", at + "5: cpu: 0 is not a GOMAXPROCS value"},
		{"  - kind: test\n    timeout: soon\n", at + `6: "soon" is not a duration (write it like 30s or 1m30s)`},
		{"  - kind: test\n    timeout: -1s\n", at + "5: timeout must be positive"},
		{"  - kind: build\n    race: true\n", at + "6: field race not found in a build check (known fields: kind, weight)"},
		{"  - kind: sim\n    expect: hi\n", at + "6: field expect not found in a sim check (known fields: kind, weight, race, timeout, run, strategy, schedules, seed, depth, preemptions, exhaustive)"},
		{"  - kind: sim\n    strategy: bfs\n", at + `5: strategy: unknown strategy "bfs" (want random, pct or dfs)`},
		{"  - kind: sim\n    exhaustive: true\n", at + "5: exhaustive: only the dfs strategy can explore every schedule"},
		{"  - kind: timing\n    strategy: pct\n    exhaustive: true\n", at + "5: exhaustive: only the dfs strategy can explore every schedule"},
		{"  - kind: sim\n    schedules: -3\n", at + "5: schedules: must be at least 1"},
		{"  - kind: output\n    match: fuzzy\n", at + `5: output: unknown match "fuzzy" (want exact, lines or regex)`},
		{"  - kind: output\n    match: regex\n    expect: \"(\"\n", at + "5: output: error parsing regexp: missing closing ): `\\A(?:()\\z`"},
		{"  - kind: static\n    forbid: time.Sleep\n", at + "6: cannot unmarshal !!str `time.Sleep` into []string"},
	} {
		_, err := loadChecks(t, tt.checks)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q:\n got %v\nwant %s", tt.checks, err, tt.want)
		}
	}
}

// TestCheckPlansFirst shows that an exercise whose checks cannot be planned
// is the grader's error, with every check of the exercise in the result.
func TestCheckPlansFirst(t *testing.T) {
	ex := &course.Exercise{ID: "01-a/x", Checks: []course.Check{{Kind: "build", Weight: 1}, {Kind: "nosuch", Weight: 2}}}
	res := Check(t.Context(), &course.Course{Root: t.TempDir()}, ex, Options{})
	if res.Status != Error || len(res.Checks) != 3 || res.Checks[0].Name != "setup" || !strings.Contains(res.Checks[0].Message, `unknown check kind "nosuch"`) {
		t.Fatalf("result: %+v", res)
	}
	if res.MaxScore != 3 || res.Score != 0 {
		t.Errorf("score %g/%g, want 0/3", res.Score, res.MaxScore)
	}
}

// TestNoTestsIsCourseError shows that course tests without a Test function are
// the course's error, never a pass: nothing would be graded.
func TestNoTestsIsCourseError(t *testing.T) {
	c, err := loadChecks(t, "  - kind: test\n")
	if err != nil {
		t.Fatal(err)
	}
	writeExercise(t, c, "a.go", "package x\n", "a_test.go", strings.Replace(oneTest, "Test1", "Testify", 1))
	res := Check(t.Context(), c, c.Exercises()[0], Options{})
	if res.Status != Error || res.Score != 0 || !strings.Contains(res.Checks[0].Message, "no Test function") {
		t.Errorf("result: %+v", res)
	}
}

// TestNoGoIsGraderError shows that a go command that cannot run is the
// grader's error in every check that builds, never the learner's failure.
func TestNoGoIsGraderError(t *testing.T) {
	c, err := loadChecks(t, "  - kind: build\n  - kind: test\n  - kind: output\n    expect: hi\n")
	if err != nil {
		t.Fatal(err)
	}
	writeExercise(t, c, "a.go", "package main\n\nfunc main() { println(\"hi\") }\n", "a_test.go", strings.Replace(oneTest, "package x", "package main", 1))
	ex := c.Exercises()[0]
	env, err := newEnv(c, ex, Options{Go: filepath.Join(t.TempDir(), "no-go")})
	if err != nil {
		t.Fatal(err)
	}
	defer env.Close()
	steps, err := plan(ex)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range steps {
		if res := st.run(t.Context(), env); res.Status != Error {
			t.Errorf("%s check without a go command: %s, want error: %s", st.check.Kind, res.Status, res.Message)
		}
	}
}

// TestFailureLocated shows that a failure that names a line of the learner's
// files carries it as a typed Location: a compiler's message, and a syntax
// error found before anything compiles.
func TestFailureLocated(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	c, err := loadChecks(t, "  - kind: build\n  - kind: test\n")
	if err != nil {
		t.Fatal(err)
	}
	dir := writeExercise(t, c, "a_test.go", oneTest)
	for _, tt := range []struct{ src, stage string }{
		{"package x\n\nfunc f() {\n\tundefined()\n}\n", "build"},
		{"package x\n\nfunc f() {\n\tif {\n}\n", "parse"},
	} {
		os.WriteFile(filepath.Join(dir, "a.go"), []byte(tt.src), 0o644)
		res := Check(t.Context(), c, c.Exercises()[0], Options{})
		ch := res.Checks[0]
		want := Location{File: "exercises/01-a/x/a.go", Line: 4}
		if ch.Name != tt.stage || ch.Status != Fail || ch.Location == nil || *ch.Location != want {
			t.Errorf("%s: %+v, want a failure located at %v", tt.stage, ch, want)
		}
	}
}
