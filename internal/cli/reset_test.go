package cli

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const resetExerciseYAML = `title: T
kind: fix
section: S
files: [a.go, b.go]
hints: [one, two]
checks:
  - kind: build
`

// gitCourse lays out a one-exercise course with two files to edit, commits it, and
// returns its root.
func gitCourse(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	root := t.TempDir()
	files := map[string]string{
		"course.yaml":                     "lessons:\n  - id: 01-a\n    exercises: [x]\n",
		"exercises/01-a/x/exercise.yaml":  resetExerciseYAML,
		"exercises/01-a/x/a.go":           "package x // starter a\n",
		"exercises/01-a/x/b.go":           "package x // starter b\n",
		"exercises/01-a/x/x_test.go":      "package x\n",
		"solutions/01-a/x/a.go":           "package x // solution a\n",
		"solutions/01-a/x/b.go":           "package x // solution b\n",
		"lessons/01-a/README.md":          "# A\n\n## S\n",
		"exercises/01-a/x/notes.txt":      "not an exercise file\n",
		"exercises/01-a/x/a.go.bak-notes": "a name like a backup's, but not one\n",
	}
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", "course"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return root
}

// gocourse runs the command line in root with input on stdin.
func gocourse(t *testing.T, root, input string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &IO{In: strings.NewReader(input), Out: &out, Err: &errOut}
	code = Main(append([]string{"--course", root}, args...), ios)
	return code, out.String(), errOut.String()
}

// saved returns every content of the file at path that the learner could get back:
// the file itself and its backups.
func saved(t *testing.T, path string) map[string]bool {
	t.Helper()
	all := map[string]bool{}
	if data, err := os.ReadFile(path); err == nil {
		all[string(data)] = true
	}
	baks, err := backups(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range baks {
		data, err := os.ReadFile(b)
		if err != nil {
			t.Fatal(err)
		}
		all[string(data)] = true
	}
	return all
}

// TestResetNeverLosesWork runs a long random sequence of edits, deletions, resets
// (answered yes and no), restores, and resets and restores within one second, and
// checks that no reset or restore ever loses a content of a file: whatever the file
// and its backups held before, they hold after (the starter aside, which reset
// brings back any time).
func TestResetNeverLosesWork(t *testing.T) {
	root := gitCourse(t)
	dir := filepath.Join(root, "exercises", "01-a", "x")
	starters := map[string]string{"a.go": "package x // starter a\n", "b.go": "package x // starter b\n"}
	var written []string
	rng := rand.New(rand.NewPCG(1, 2))
	edits, restored := 0, 0
	for step := range 300 {
		file := []string{"a.go", "b.go"}[rng.IntN(2)]
		path := filepath.Join(dir, file)
		before := map[string]map[string]bool{}
		for f := range starters {
			before[f] = saved(t, filepath.Join(dir, f))
		}
		var did string
		switch op := rng.IntN(7); op {
		case 0, 1: // the learner edits; sometimes back to something written before
			content := fmt.Sprintf("package x // %s, edit %d\n", file, step)
			if len(written) > 0 && rng.IntN(4) == 0 {
				content = written[rng.IntN(len(written))]
			}
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			written = append(written, content)
			edits++
			continue
		case 2: // the learner deletes a file (by mistake)
			os.Remove(path)
			continue
		case 3:
			code, _, errOut := gocourse(t, root, "y\n", "reset", "x")
			if code != 0 {
				t.Fatalf("step %d: reset: exit %d: %s", step, code, errOut)
			}
			for f, s := range starters {
				if data, _ := os.ReadFile(filepath.Join(dir, f)); string(data) != s {
					t.Fatalf("step %d: after reset %s = %q, want the starter", step, f, data)
				}
			}
			did = "reset"
		case 4:
			now := map[string]string{}
			for f := range starters {
				data, _ := os.ReadFile(filepath.Join(dir, f))
				now[f] = string(data)
			}
			gocourse(t, root, "n\n", "reset", "x")
			for f := range starters {
				if data, _ := os.ReadFile(filepath.Join(dir, f)); string(data) != now[f] {
					t.Fatalf("step %d: reset answered no changed %s", step, f)
				}
			}
			did = "reset, answered no"
		case 5, 6:
			if code, _, _ := gocourse(t, root, "", "reset", "--restore", "--yes", "x"); code == 0 {
				restored++
			}
			did = "restore"
		}
		for f := range starters {
			after := saved(t, filepath.Join(dir, f))
			for content := range before[f] {
				if !after[content] && content != starters[f] { // reset brings the starter back any time
					t.Fatalf("step %d (%s): %s lost %q", step, did, f, content)
				}
			}
		}
	}
	if edits < 50 || restored < 20 {
		t.Errorf("the sequence did too little: %d edits, %d restores", edits, restored)
	}
	// Backups are made only when needed: no more than the learner's versions.
	baks, _ := backups(filepath.Join(dir, "a.go"))
	if len(baks) > edits {
		t.Errorf("%d backups of a.go for %d edits: reset keeps copies it does not need", len(baks), edits)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(data) != "not an exercise file\n" {
		t.Error("reset touched a file that is not the learner's")
	}
}

func TestResetRestoresFromBase(t *testing.T) {
	root := gitCourse(t)
	// The first command records the commit the learner started from.
	if code, _, errOut := gocourse(t, root, "", "list"); code != 0 {
		t.Fatal(errOut)
	}
	// The course moves on (a git pull): the starter at HEAD changes. Reset still
	// gives back the starter the learner began with.
	a := filepath.Join(root, "exercises", "01-a", "x", "a.go")
	os.WriteFile(a, []byte("package x // newer starter\n"), 0o644)
	cmd := exec.Command("git", "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-am", "newer")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	os.WriteFile(a, []byte("package x // mine\n"), 0o644)
	code, out, errOut := gocourse(t, root, "", "reset", "--yes", "x")
	if code != 0 {
		t.Fatalf("reset: %d %s", code, errOut)
	}
	if data, _ := os.ReadFile(a); string(data) != "package x // starter a\n" {
		t.Errorf("reset restored %q, want the starter of the commit the learner started from\n%s", data, out)
	}
}

func TestResetWithoutGit(t *testing.T) {
	root := gitCourse(t)
	os.RemoveAll(filepath.Join(root, ".git"))
	a := filepath.Join(root, "exercises", "01-a", "x", "a.go")
	os.WriteFile(a, []byte("package x // mine\n"), 0o644)
	code, _, errOut := gocourse(t, root, "", "reset", "--yes", "x")
	if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "is not a git clone of the course") {
		t.Errorf("reset without git: exit %d, stderr %q; want one line naming the problem", code, errOut)
	}
	if data, _ := os.ReadFile(a); string(data) != "package x // mine\n" {
		t.Error("a failed reset changed the learner's file")
	}
	if baks, _ := backups(a); len(baks) != 0 {
		t.Errorf("a failed reset left backups: %v", baks)
	}
}

func TestBackupNames(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.go")
	var names []string
	for i := range 3 {
		name, err := writeBackup(path, []byte{byte('0' + i)})
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	got, err := backups(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0] != names[0] || got[1] != names[1] || got[2] != names[2] {
		t.Errorf("backups in order: %v, want %v", got, names)
	}
	for i, n := range names {
		data, _ := os.ReadFile(n)
		if string(data) != string(rune('0'+i)) {
			t.Errorf("%s holds %q", n, data)
		}
	}
}
