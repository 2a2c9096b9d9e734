package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCopyShippedCourse checks that the project's tests get the course as it ships
// from a checkout where a learner has started: edited starters, a deleted file and
// progress are left behind; what git has (committed or staged) is copied.
func TestCopyShippedCourse(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo := t.TempDir()
	files := map[string]string{
		"course.yaml":              "lessons: []\n",
		"exercises/go.mod":         "module workbook\n\nreplace github.com/gocourse/gocourse => ../\n",
		"exercises/01-a/x/x.go":    "package x // starter\n",
		"exercises/01-a/x/gone.go": "package x\n",
		"solutions/01-a/x/x.go":    "package x // solution\n",
		"lessons/01-a/README.md":   "# A\n",
		"sim/sim.go":               "package sim\n",
	}
	for name, data := range files {
		p := filepath.Join(repo, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"-c", "user.name=A", "-c", "user.email=a@b", "commit", "-q", "-m", "course"}} {
		if out, err := exec.Command("git", append([]string{"-C", repo}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	// The learner starts: edits the starter, deletes a file, adds one of their own.
	os.WriteFile(filepath.Join(repo, "exercises/01-a/x/x.go"), []byte("package x // my answer\n"), 0o644)
	os.Remove(filepath.Join(repo, "exercises/01-a/x/gone.go"))
	os.WriteFile(filepath.Join(repo, "exercises/01-a/x/x.go.bak-20260101-000000"), []byte("old\n"), 0o644)

	dst := filepath.Join(t.TempDir(), "shipped")
	if err := CopyShippedCourse(repo, dst); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dst, name))
		if err != nil {
			return "(missing)"
		}
		return string(data)
	}
	if got := read("exercises/01-a/x/x.go"); got != "package x // starter\n" {
		t.Errorf("the starter in the copy is %q, want the shipped one", got)
	}
	if got := read("exercises/01-a/x/gone.go"); got != "package x\n" {
		t.Errorf("a starter file the learner deleted is %q in the copy", got)
	}
	if got := read("exercises/01-a/x/x.go.bak-20260101-000000"); got != "(missing)" {
		t.Errorf("the learner's backup was copied: %q", got)
	}
	if got := read("sim/sim.go"); got != "(missing)" {
		t.Errorf("the tool's source was copied too")
	}
	if got := read("exercises/go.mod"); !strings.Contains(got, "=> "+repo+"/") {
		t.Errorf("the workbook's replace directive does not point at the checkout:\n%s", got)
	}
}
