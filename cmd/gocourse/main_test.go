package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/tools/txtar"

	"github.com/gocourse/gocourse/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"gocourse": func() { os.Exit(cli.Main(os.Args[1:], cli.System())) },
	})
}

// TestScripts runs the CLI as a learner types it. Each script starts with a copy of
// testdata/fixture.txtar in $WORK/course and a copy of the real course as shipped
// (from git, not the learner's edits) in $WORK/real, and the go command's caches of
// the machine running the tests.
func TestScripts(t *testing.T) {
	if testing.Short() {
		t.Skip("the scripts build and race-test exercises")
	}
	goEnv := map[string]string{}
	for _, k := range []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOPROXY", "GONOSUMDB", "GOFLAGS", "GOROOT"} {
		out, err := exec.Command("go", "env", k).Output()
		if err != nil {
			t.Fatalf("go env %s: %v", k, err)
		}
		goEnv[k] = strings.TrimSpace(string(out))
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	fixture, err := txtar.ParseFile("testdata/fixture.txtar")
	if err != nil {
		t.Fatal(err)
	}
	// The real course as it ships, whatever a learner has edited in this checkout.
	shipped := ""
	if _, err := os.Stat(filepath.Join(repo, "course.yaml")); err == nil {
		shipped = filepath.Join(t.TempDir(), "shipped")
		if err := cli.CopyShippedCourse(repo, shipped); err != nil {
			t.Fatal(err)
		}
	}
	// One user cache for every script: the race build before the first check is
	// announced and done once (the go command's own cache is the machine's).
	userCache := t.TempDir()
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			for k, v := range goEnv {
				env.Setenv(k, v)
			}
			env.Setenv("NO_COLOR", "1")
			// Scripts that need a git clone of the course make one; git needs a name.
			for _, k := range []string{"GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"} {
				env.Setenv(k, "Learner")
			}
			for _, k := range []string{"GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"} {
				env.Setenv(k, "learner@example.com")
			}
			env.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			env.Setenv("REPO", repo)
			env.Setenv("XDG_CACHE_HOME", userCache)
			for _, f := range fixture.Files {
				p := filepath.Join(env.WorkDir, "course", filepath.FromSlash(f.Name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					return err
				}
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					return err
				}
			}
			return copyCourse(shipped, filepath.Join(env.WorkDir, "real"))
		},
	})
}

// copyCourse copies the course as shipped (see cli.CopyShippedCourse: from git,
// whatever has been edited in the checkout) from shipped, made once, into dst.
func copyCourse(shipped, dst string) error {
	if shipped == "" {
		return nil // realcourse.txtar checks that the course is there
	}
	if err := os.CopyFS(dst, os.DirFS(shipped)); err != nil {
		return fmt.Errorf("copying the course: %v", err)
	}
	return nil
}
