package cli

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestInvokedAs checks that the commands gocourse suggests are the ones the learner
// can type: README's go run ./cmd/gocourse builds the program into the go command's
// cache, where "gocourse" names nothing on $PATH.
func TestInvokedAs(t *testing.T) {
	root := t.TempDir()
	for _, p := range []string{"course.yaml", "cmd/gocourse/main.go", "exercises/01-a/x/x.go"} {
		p = filepath.Join(root, p)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	installed := filepath.Join(root, "bin", "gocourse")
	os.MkdirAll(filepath.Dir(installed), 0o755)
	os.WriteFile(installed, nil, 0o755)
	other := filepath.Join(t.TempDir(), "gocourse")
	os.WriteFile(other, nil, 0o755)

	onPath := func(p string) func(string) (string, error) {
		return func(string) (string, error) {
			if p == "" {
				return "", errors.New("not found")
			}
			return p, nil
		}
	}
	goRun := "/home/learner/.cache/go-build/3f/3f1c2e-d/gocourse"
	goRunTmp := "/tmp/go-build1234/b001/exe/gocourse"
	for _, tc := range []struct {
		name, argv0, exe, cwd string
		path                  string // what $PATH finds as gocourse
		want                  string
	}{
		{"installed on PATH", "gocourse", installed, root, installed, "gocourse"},
		{"go run from the checkout", goRun, goRun, root, "", "go run ./cmd/gocourse"},
		{"go run, older go", goRunTmp, goRunTmp, root, other, "go run ./cmd/gocourse"},
		{"go run from an exercise folder", goRun, goRun, filepath.Join(root, "exercises/01-a/x"), "", "go run ../../../cmd/gocourse"},
		{"a build run by its path", "./gocourse", installed, root, other, "./gocourse"},
		{"another gocourse on PATH", "bin/gocourse", installed, root, other, "bin/gocourse"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := invokedAs(tc.argv0, tc.exe, tc.cwd, onPath(tc.path)); got != tc.want {
				t.Errorf("invokedAs(%q, %q) = %q, want %q", tc.argv0, tc.exe, got, tc.want)
			}
		})
	}
}

// A failed check's status reaches scripts however gocourse was started; only
// a learner at a terminal under go run, whose go run would print "exit
// status 1" after the verdict, gets 0. Other failures keep their status.
func TestVerdictStatusUnderGoRun(t *testing.T) {
	verdict := &ExitError{Code: 1, Verdict: true}
	other := &ExitError{Code: 3}
	for _, c := range []struct {
		exit       *ExitError
		goRun, tty bool
		want       int
	}{
		{verdict, true, true, 0},
		{verdict, true, false, 1},
		{verdict, false, true, 1},
		{verdict, false, false, 1},
		{other, true, true, 3},
	} {
		if got := exitStatus(c.exit, c.goRun, c.tty); got != c.want {
			t.Errorf("exitStatus(%+v, goRun=%v, tty=%v) = %d, want %d", *c.exit, c.goRun, c.tty, got, c.want)
		}
	}
}
