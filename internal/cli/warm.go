package cli

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"

	"github.com/gocourse/gocourse/course"
)

// The first check on a machine builds the standard library for the race detector
// (the test check runs go test -race): 40 seconds to a few minutes of silence, which
// looks like a hang. prepareRace does that build before the first check, in the
// grader's configuration so that the go command's cache then serves the grader, and
// shows how far it has got. A marker in the user's cache folder, named by the Go
// version, the build cache and the configuration, makes later checks skip it.

// leakExperiment is the GOEXPERIMENT of the grader's test build (grader/realtest.go).
const leakExperiment = "goroutineleakprofile"

// goTool is the go command prepareRace runs; tests replace it.
var goTool = "go"

// prepareRace makes sure that the standard library the exercise's tests need is built
// for the race detector, and reports its progress through say: a line when it starts,
// and one at every tenth of the packages compiled. Any failure is left for the check
// itself to report.
func prepareRace(ctx context.Context, c *course.Course, ex *course.Exercise, say func(string)) {
	if raceReady.Load() {
		return // this process has seen the marker or made it
	}
	dir := filepath.Join(c.Root, filepath.FromSlash(ex.Path()))
	marker, ok := raceMarker(ctx, dir)
	if !ok {
		return
	}
	if _, err := os.Stat(marker); err == nil {
		raceReady.Store(true)
		return
	}
	env := raceEnv()
	list := exec.CommandContext(ctx, goTool, "list", "-race", "-trimpath", "-deps", "-test", "-f", "{{if .Standard}}{{.ImportPath}}{{end}}", ".")
	list.Dir, list.Env = dir, env
	out, err := list.Output()
	if err != nil {
		return
	}
	pkgs := strings.Fields(string(out))
	pkgs = append(pkgs, "runtime/pprof", "runtime/race") // the grader's test main uses them
	total := len(pkgs)
	say(fmt.Sprintf("building the standard library for the race detector, once for this machine and Go version: up to %d packages (this can take a few minutes)", total))
	compiled, err := buildCounting(ctx, dir, env, pkgs, func(n int) {
		if n*10/total > (n-1)*10/total && n < total {
			say(fmt.Sprintf("race build: %d of %d packages compiled", n, total))
		}
	})
	if err != nil {
		return
	}
	say(fmt.Sprintf("race build ready (%d packages compiled, the rest were built already)", compiled))
	os.MkdirAll(filepath.Dir(marker), 0o755)
	os.WriteFile(marker, nil, 0o644)
	raceReady.Store(true)
}

// raceReady spares a watch session's later checks the look for the marker.
var raceReady atomic.Bool

// raceEnv is the environment of the grader's race build (grader/env.go, realtest.go).
func raceEnv() []string {
	exp := leakExperiment
	if v := os.Getenv("GOEXPERIMENT"); v != "" {
		exp = v + "," + exp
	}
	return append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=readonly", "CGO_ENABLED=1", "GOEXPERIMENT="+exp)
}

// raceMarker returns the file that says the race build of this configuration is done.
func raceMarker(ctx context.Context, dir string) (string, bool) {
	cmd := exec.CommandContext(ctx, goTool, "env", "GOVERSION", "GOCACHE", "GOARCH", "GOOS")
	cmd.Dir, cmd.Env = dir, raceEnv()
	out, err := cmd.Output()
	if err != nil {
		return "", false
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", false
	}
	sum := sha256.Sum256(append(out, leakExperiment+" "+os.Getenv("GOEXPERIMENT")...))
	return filepath.Join(cache, "gocourse", "race-ready-"+hex.EncodeToString(sum[:8])), true
}

// compileLine is a compile command in go build -x output: "-p PKG" names the package.
var compileLine = regexp.MustCompile(`/compile .*-p (\S+)`)

// buildCounting runs go build -race on pkgs and calls progress with the number of
// packages compiled so far (those the build cache held are not compiled again).
func buildCounting(ctx context.Context, dir string, env, pkgs []string, progress func(int)) (int, error) {
	args := append([]string{"build", "-race", "-trimpath", "-x"}, pkgs...)
	cmd := exec.CommandContext(ctx, goTool, args...)
	cmd.Dir, cmd.Env = dir, env
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return 0, err
	}
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	seen := map[string]bool{}
	sc := bufio.NewScanner(stderr)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for sc.Scan() {
		if m := compileLine.FindStringSubmatch(sc.Text()); m != nil && !seen[m[1]] {
			seen[m[1]] = true
			progress(len(seen))
		}
	}
	return len(seen), cmd.Wait()
}
