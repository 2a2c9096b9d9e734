package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/course"
)

// TestPrepareRaceSaysWhatItDoes checks that the race build before the first check
// is announced with its progress, and done once: the go command here is a stand-in
// that lists 20 standard packages and compiles them.
func TestPrepareRaceSaysWhatItDoes(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", filepath.Join(tmp, "cache"))
	t.Setenv("HOME", tmp)
	fake := filepath.Join(tmp, "go")
	script := `#!/bin/sh
case "$1" in
env) printf 'go1.26\n/cache\namd64\nlinux\n' ;;
list) for i in $(seq 1 18); do echo "pkg$i"; done ;;
build) for p in "$@"; do case "$p" in -*|build) ;; *) echo "/usr/lib/go/pkg/tool/compile -o x -p $p -race" >&2 ;; esac; done ;;
esac
`
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	old := goTool
	goTool = fake
	raceReady.Store(false)
	t.Cleanup(func() { goTool = old; raceReady.Store(false) })

	root := filepath.Join(tmp, "course")
	os.MkdirAll(filepath.Join(root, "exercises", "01-a", "x"), 0o755)
	c := &course.Course{Root: root}
	ex := &course.Exercise{ID: "01-a/x"}
	var said []string
	prepareRace(context.Background(), c, ex, func(s string) { said = append(said, s) })
	all := strings.Join(said, "\n")
	if len(said) < 5 || !strings.Contains(said[0], "building the standard library for the race detector") ||
		!strings.Contains(all, "race build: 10 of 20 packages compiled") || !strings.Contains(said[len(said)-1], "race build ready (20 packages compiled") {
		t.Errorf("the race build said:\n%s", all)
	}
	said = nil
	raceReady.Store(false) // a new process: the marker alone says it is done
	prepareRace(context.Background(), c, ex, func(s string) { said = append(said, s) })
	if len(said) != 0 {
		t.Errorf("the second time, with the build done, it said:\n%s", strings.Join(said, "\n"))
	}
}
