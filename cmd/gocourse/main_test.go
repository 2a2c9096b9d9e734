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
// testdata/fixture.txtar in $WORK/course and a copy of the real course in
// $WORK/real, and the go command's caches of the machine running the tests.
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
			for _, f := range fixture.Files {
				p := filepath.Join(env.WorkDir, "course", filepath.FromSlash(f.Name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					return err
				}
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					return err
				}
			}
			return copyCourse(repo, filepath.Join(env.WorkDir, "real"))
		},
	})
}

// copyCourse copies the course data of the checkout at repo (not the tool's source)
// into dst, and points the workbook's replace directive back at repo.
func copyCourse(repo, dst string) error {
	if _, err := os.Stat(filepath.Join(repo, "course.yaml")); err != nil {
		return nil // realcourse.txtar checks that the course is there
	}
	for _, name := range []string{"lessons", "exercises", "solutions"} {
		if err := os.CopyFS(filepath.Join(dst, name), os.DirFS(filepath.Join(repo, name))); err != nil {
			return fmt.Errorf("copying the course's %s: %v", name, err)
		}
	}
	data, err := os.ReadFile(filepath.Join(repo, "course.yaml"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dst, "course.yaml"), data, 0o644); err != nil {
		return err
	}
	gomod := filepath.Join(dst, "exercises", "go.mod")
	data, err = os.ReadFile(gomod)
	if err != nil {
		return err
	}
	data = []byte(strings.ReplaceAll(string(data), "=> ../", "=> "+repo+"/"))
	return os.WriteFile(gomod, data, 0o644)
}
