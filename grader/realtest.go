package grader

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gocourse/gocourse/course"
)

// realTest runs the course's tests for real: go test -json with the race detector,
// several GOMAXPROCS values, a timeout, and a goroutine-leak check after the tests.
type realTest struct{}

func (realTest) Check(ctx context.Context, env *Env, c testSettings) CheckResult {
	race := course.Flag(c.Race, true)
	leak := course.Flag(c.Leak, true)
	expected, err := env.expected(c)
	if err != nil {
		return CheckResult{Name: "test", Status: Error, Message: err.Error()}
	}
	if env.Opts.Progress != nil {
		env.Opts.Progress("building the tests of " + env.Exercise.ID)
	}
	t0 := time.Now()
	bin, fail := env.testBinary(ctx, race, leak)
	env.phase("test", "compile", t0)
	if fail != nil {
		fail.Name = "test"
		return *fail
	}
	if env.Opts.Progress != nil {
		what := "testing " + env.Exercise.ID
		if race {
			what += " with -race"
		}
		env.Opts.Progress(what)
	}
	t0 = time.Now()
	tr, err := env.runAll(ctx, bin, c, race, expected)
	env.phase("test", "run", t0)
	if err != nil {
		return CheckResult{Name: "test", Status: Error, Message: err.Error()}
	}
	return env.judge(tr, c, race, leak)
}

// expected returns the tests the check runs: the course's, or those its run
// pattern matches.
func (env *Env) expected(c testSettings) ([]string, error) {
	if c.Run == "" {
		return env.Tests, nil
	}
	re, err := regexp.Compile(c.Run)
	if err != nil {
		return nil, fmt.Errorf("run: %w", err)
	}
	var tests []string
	for _, t := range env.Tests {
		if re.MatchString(t) {
			tests = append(tests, t)
		}
	}
	return tests, nil
}

// runAll runs the tests, and runs again those that a test which ended the
// test binary kept from running: a panic ends the binary, and so does the
// crash of a testing/synctest bubble whose goroutines leaked, or the watch
// that stops a deadlock (see testMain). Each rerun leaves out every test that
// has its result, so every test gets one, whatever an earlier one did; there
// are at most as many reruns as tests. A run the sandbox stopped (a timeout,
// too much output or memory) is not run again: it would be stopped again; nor
// is any with Options.FailFast, which asks only whether the check fails.
func (env *Env) runAll(ctx context.Context, bin string, c testSettings, race bool, tests []string) (*testRun, error) {
	pattern := c.Run
	if pattern == "" {
		pattern = namesPattern(tests)
	}
	tr, err := env.runOnce(ctx, bin, c, race, pattern)
	if err != nil {
		return nil, err
	}
	if strings.Contains(c.Run, "/") || env.Opts.FailFast {
		// The check runs chosen subtests, which a rerun by test name would
		// not; or the first failure is all that is asked for.
		return tr, nil
	}
	last := tr
	for range tests {
		if last.killed != "" || last.ender(tests) == "" {
			break
		}
		rest := tr.unreported(tests, len(c.CPU))
		if len(rest) == 0 {
			break
		}
		if last, err = env.runOnce(ctx, bin, c, race, namesPattern(rest)); err != nil {
			return nil, err
		}
		tr.merge(last, rest)
	}
	return tr, nil
}

// namesPattern is the -test.run pattern that runs exactly the named tests.
func namesPattern(tests []string) string {
	return "^(" + strings.Join(tests, "|") + ")$"
}

// runOnce runs the test binary once on the tests that pattern matches, and
// reads its events and its report.
func (env *Env) runOnce(ctx context.Context, bin string, c testSettings, race bool, pattern string) (*testRun, error) {
	cpus := make([]string, len(c.CPU))
	for i, n := range c.CPU {
		cpus[i] = strconv.Itoa(n)
	}
	out, report := env.runTests(ctx, bin, race, c.Timeout,
		"-test.paniconexit0", "-test.v=test2json", "-test.count=1",
		"-test.timeout="+c.Timeout.String(), "-test.cpu="+strings.Join(cpus, ","), "-test.run="+pattern)
	if out.Err != nil {
		return nil, out.Err
	}
	events, err := env.test2json(ctx, []byte(env.fromBuild(string(out.Output))))
	if err != nil {
		return nil, err
	}
	tr := parseTestJSON(events)
	if report != nil {
		// Its stacks name files as the binary knows them (-trimpath).
		report.Goleak = env.fromBuild(report.Goleak)
		for _, l := range []*leakFound{report.LeakProfile, report.Deadlock} {
			if l != nil {
				l.Stacks = env.fromBuild(l.Stacks)
			}
		}
		if report.Deadlock != nil {
			// The watch stopped the binary in the test still running.
			tr.deadlocks[tr.unfinished()] = report.Deadlock
		}
	}
	tr.exitCode, tr.killed, tr.report = out.ExitCode, out.Killed, report
	return tr, nil
}

// nonceFlags returns the linker flags that set the generated TestMain's nonce
// (gocourseNonce) in the package it is in: the package itself, or its external
// test package. -w leaves out the DWARF tables, which nothing reads: panics, the
// race detector and the leak profile name file:line from the binary's own tables.
func (env *Env) nonceFlags() string {
	pkg := env.ImportPath
	if strings.HasSuffix(env.TestPackage, "_test") {
		pkg += "_test"
	}
	return "-w -X=" + pkg + ".gocourseNonce=" + env.nonce
}

// vetted reports whether the exercise has a build check: it runs before every
// other check and must pass, and it vets the learner's files with the course's
// tests (and the generated TestMain) with all of go vet's analyzers, of which go
// test's are a subset. The other checks' builds then skip go test's vet, which
// would run again on every new file.
func (env *Env) vetted() bool {
	return slices.ContainsFunc(env.Exercise.Checks, func(c course.Check) bool { return c.Kind == "build" })
}

// A prebuild is a build of the test binary started before the check that
// uses it (see prebuildTests).
type prebuild struct {
	race, leak bool
	cancel     context.CancelFunc
	done       chan struct{}
	bin        string       // when done
	fail       *CheckResult // when done
}

// prebuildTests starts building the test binary that a check with settings c
// will run, in the background: compileTests with the same arguments, into
// the same place. The check takes it with testBinary.
func prebuildTests(ctx context.Context, env *Env, c testSettings) {
	ctx, cancel := context.WithCancel(ctx)
	p := &prebuild{race: course.Flag(c.Race, true), leak: course.Flag(c.Leak, true), cancel: cancel, done: make(chan struct{})}
	env.prebuilt = p
	go func() {
		defer close(p.done)
		p.bin, p.fail = env.compileTests(ctx, p.race, p.leak)
	}()
}

// testBinary returns the test binary for race and leak: the prebuild's, when
// one with the same arguments was started (once: a later check builds its
// own, as before), or a build made now.
func (env *Env) testBinary(ctx context.Context, race, leak bool) (string, *CheckResult) {
	if p := env.prebuilt; p != nil && p.race == race && p.leak == leak {
		env.prebuilt = nil
		select {
		case <-p.done:
			return p.bin, p.fail
		case <-ctx.Done():
			p.cancel()
			<-p.done
			return "", &CheckResult{Status: Error, Message: ctx.Err().Error()}
		}
	}
	env.endPrebuild()
	return env.compileTests(ctx, race, leak)
}

// endPrebuild stops a prebuild nobody took and waits for it, so that it
// writes nothing after the check has ended.
func (env *Env) endPrebuild() {
	if p := env.prebuilt; p != nil {
		env.prebuilt = nil
		p.cancel()
		<-p.done
	}
}

// compileTests builds the test binary of the exercise's package into the run
// folder. A compile error is the learner's failure; anything else is an error.
func (env *Env) compileTests(ctx context.Context, race, leak bool) (string, *CheckResult) {
	extra, err := env.testMain(leak)
	if err != nil {
		return "", &CheckResult{Status: Error, Message: err.Error()}
	}
	bin := filepath.Join(env.runDir(), "exercise.test")
	args := []string{"test", "-c", "-trimpath", "-o", bin}
	if race {
		args = append(args, "-race")
	}
	overlay, err := env.writeOverlay(extra)
	if err != nil {
		return "", &CheckResult{Status: Error, Message: err.Error()}
	}
	args = append(args, "-overlay", overlay)
	if extra != nil {
		args = append(args, "-ldflags="+env.nonceFlags())
	}
	if env.vetted() {
		args = append(args, "-vet=off")
	}
	args = append(args, ".")
	var goEnv []string
	if leak {
		exp := leakExperiment
		if v := os.Getenv("GOEXPERIMENT"); v != "" {
			exp = v + "," + exp
		}
		goEnv = []string{"GOEXPERIMENT=" + exp}
	}
	_, stderr, err := env.goCmdEnv(ctx, buildLimit, goEnv, args...)
	if err != nil && goEnv != nil && strings.Contains(string(stderr), "GOEXPERIMENT") {
		// A go command that does not know the experiment: goleak alone checks.
		_, stderr, err = env.goCmd(ctx, buildLimit, args...)
	}
	if err == nil {
		if _, serr := os.Stat(bin); serr != nil {
			return "", &CheckResult{Status: Error, Message: "go test -c wrote no test binary"}
		}
		// Learner code may run as another user (nobody, when the grader is root).
		if err := os.Chmod(bin, 0o755); err != nil {
			return "", &CheckResult{Status: Error, Message: fmt.Sprintf("the test binary: %v", err)}
		}
		return bin, nil
	}
	r := env.buildFailure("test", "does not build:\n", err, stderr)
	return "", &r
}

// runDir returns the folder a test binary runs in (see makeRunDir).
func (env *Env) runDir() string { return filepath.Join(env.TmpDir, "run") }

// makeRunDir makes the run folder: writable by the learner's code (which may
// run as another user), with its home and temporary folders, holding the
// course's testdata in strict mode.
func (env *Env) makeRunDir() error {
	dir := env.runDir()
	for _, d := range []string{dir, filepath.Join(dir, "tmp"), filepath.Join(dir, "home")} {
		if err := os.MkdirAll(d, 0o777); err != nil {
			return fmt.Errorf("the run folder: %w", err)
		}
		// MkdirAll's mode passes through the umask.
		if err := os.Chmod(d, 0o777); err != nil {
			return fmt.Errorf("the run folder: %w", err)
		}
	}
	if env.Strict {
		if td := filepath.Join(env.BuildDir, "testdata"); dirExists(td) {
			if err := os.CopyFS(filepath.Join(dir, "testdata"), os.DirFS(td)); err != nil {
				return fmt.Errorf("copying the course's testdata to the run folder: %w", err)
			}
		}
	}
	return nil
}

func dirExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// runTests runs a test binary under the sandbox's limits. In strict mode it runs in
// the run folder with the course, the submission, the temporary folders and the go
// command's caches hidden; for a learner checking their own checkout it runs in the
// exercise folder, as go test does.
func (env *Env) runTests(ctx context.Context, bin string, race bool, timeout time.Duration, args ...string) (runOutcome, *binaryReport) {
	lim := env.Opts.Limits.withDefaults()
	run := env.runDir()
	r, w, err := os.Pipe()
	if err != nil {
		return runOutcome{Err: fmt.Errorf("the report pipe: %w", err)}, nil
	}
	defer r.Close()
	reported := make(chan []byte, 1)
	go func() {
		data, _ := io.ReadAll(io.LimitReader(r, maxReport))
		reported <- data
	}()
	spec := runSpec{
		Path: bin,
		Args: append([]string{bin}, args...),
		Dir:  env.Dir,
		Env:  sandboxEnv(run, lim),
		Wall: timeout + lim.Grace,
		CPU:  (timeout + lim.Grace) * time.Duration(runtime.NumCPU()),
		Race: race,
		Keep: run,
		// The report descriptor: reportFD in the test binary.
		ExtraFiles: []*os.File{w},
	}
	if race {
		// ThreadSanitizer sleeps a second at exit by default, for reports that
		// other threads are still printing; the testing package has already
		// counted every race of a test when the test ends, and a goroutine still
		// running then fails the leak check, so the grader does not wait.
		spec.Env = append(spec.Env, "GORACE=atexit_sleep_ms=0")
	}
	if env.Strict {
		spec.Dir = run
		spec.Hide = env.hidden()
		spec.Drop = true
		spec.Seal = true
	}
	out := runSandboxed(ctx, spec, lim)
	w.Close()
	// Whatever the run left holding the pipe (nothing, in a pid namespace) has
	// a second to let go of it.
	r.SetReadDeadline(time.Now().Add(time.Second))
	return out, parseReport(<-reported)
}

// binaryReport is what the generated TestMain writes on reportFD: the nonce
// that proves it came from there, m.Run's exit code, and what the leak check
// found; or, when its watch stopped the tests, the goroutines it saw blocked
// forever.
type binaryReport struct {
	Nonce       string     `json:"nonce"`
	Code        int        `json:"code"`
	LeakProfile *leakFound `json:"leak_profile"`
	Goleak      string     `json:"goleak"`
	Deadlock    *leakFound `json:"deadlock"`
}

// leakFound is what Go's goroutine leak profile found: how many goroutines are
// blocked forever, and the stacks of the first of them.
type leakFound struct {
	N      int    `json:"n"`
	Stacks string `json:"stacks"`
}

// parseReport decodes the first line of what the test binary wrote on its report
// descriptor; nil when there is none.
func parseReport(data []byte) *binaryReport {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	var rep binaryReport
	if len(line) == 0 || json.Unmarshal(line, &rep) != nil {
		return nil
	}
	return &rep
}

// hidden lists the folders that learner code must not see when graded strictly.
func (env *Env) hidden() []string {
	hide := []string{env.Course.Root, env.Root, os.TempDir(), scratchBase()}
	hide = append(hide, env.Opts.Hide...)
	if home, err := os.UserHomeDir(); err == nil {
		hide = append(hide, home)
	}
	hide = append(hide, goDirs(env.Opts.Go)...)
	return hide
}

var goEnvCache sync.Map // go command -> []string{GOCACHE, GOMODCACHE, GOPATH}

func goEnv(goCmd string) []string {
	if v, ok := goEnvCache.Load(goCmd); ok {
		return v.([]string)
	}
	out, err := exec.Command(goCmd, "env", "GOCACHE", "GOMODCACHE", "GOPATH").Output()
	if err != nil {
		return nil
	}
	v := strings.Split(strings.TrimSpace(string(out)), "\n")
	goEnvCache.Store(goCmd, v)
	return v
}

// goDirs returns the go command's caches and GOPATH: learner code must neither read
// nor poison them.
func goDirs(goCmd string) []string {
	v := goEnv(goCmd)
	if len(v) < 3 {
		return nil
	}
	var dirs []string
	for _, d := range v[:3] {
		for _, p := range filepath.SplitList(d) {
			if p != "" && p != "off" {
				dirs = append(dirs, p)
			}
		}
	}
	return dirs
}

var (
	test2jsonPaths sync.Map   // go command -> its test2json program
	test2jsonMu    sync.Mutex // one lookup at a time: the second finds the first's
)

// test2jsonPath returns where the go command keeps its test2json program, so
// that each grading runs it directly rather than through go tool (a go command
// of its own, about 0.2 s of CPU): since Go 1.24 it is built on first use and
// kept in the build cache, where go tool -n names it. "" when that fails, or
// when the cache no longer holds it; go tool test2json then builds it again.
//
// go tool -n costs 0.15 s of CPU, a tenth of a check from the command line,
// which is a process of its own each time: the answer is kept in a file in the
// user's cache folder (test2jsonMemo), named by what it depends on.
func test2jsonPath(goCmd string) string {
	test2jsonMu.Lock()
	defer test2jsonMu.Unlock()
	if v, ok := test2jsonPaths.Load(goCmd); ok {
		if _, err := os.Stat(v.(string)); err == nil {
			return v.(string)
		}
	}
	memo := test2jsonMemo(goCmd)
	if memo != "" {
		if b, err := os.ReadFile(memo); err == nil {
			if path := string(b); filepath.IsAbs(path) && isFile(path) {
				test2jsonPaths.Store(goCmd, path)
				return path
			}
		}
	}
	cmd := exec.Command(goCmd, "tool", "-n", "test2json")
	cmd.Env = test2jsonEnv()
	out, err := cmd.Output()
	path := strings.TrimSpace(string(out))
	if err != nil || !filepath.IsAbs(path) || !isFile(path) {
		return ""
	}
	test2jsonPaths.Store(goCmd, path)
	if memo != "" {
		writeMemo(memo, path)
	}
	return path
}

// test2jsonEnv is the environment test2json is looked up and run in.
func test2jsonEnv() []string {
	return append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=")
}

// test2jsonMemo returns the file that remembers where goCmd keeps test2json,
// or "" when there is none to be had. Its name is a hash of everything the
// answer depends on: the go command (its path, size and time, so a new
// toolchain in the same place is another name) and what go env says of the
// toolchain, the build cache and the target in the lookup's environment (a
// go env is a hundredth of go tool -n's cost: it loads no packages). A stale
// answer cannot be taken: the path it names must still exist in the cache.
func test2jsonMemo(goCmd string) string {
	exe, err := exec.LookPath(goCmd)
	if err != nil {
		return ""
	}
	if exe, err = filepath.Abs(exe); err != nil {
		return ""
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	cmd := exec.Command(goCmd, "env", "GOROOT", "GOVERSION", "GOCACHE", "GOEXPERIMENT", "GOOS", "GOARCH", "GOHOSTOS", "GOHOSTARCH")
	cmd.Env = test2jsonEnv()
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00%d\x00%s", exe, fi.Size(), fi.ModTime().UnixNano(), out)
	return filepath.Join(cache, "gocourse", "test2json-"+hex.EncodeToString(h.Sum(nil)[:12]))
}

// writeMemo writes a memo file whole or not at all (writeAtomic), so that a
// process reading it at the same moment never sees half a path. A memo that
// cannot be written is only a lost saving.
func writeMemo(path, content string) {
	if os.MkdirAll(filepath.Dir(path), 0o755) == nil {
		writeAtomic(path, []byte(content), 0o600)
	}
}

// isFile reports whether path names a regular file.
func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// test2json turns the output of a test binary run with -test.v=test2json into
// go test -json events.
func (env *Env) test2json(ctx context.Context, out []byte) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, env.Opts.Go, "tool", "test2json", "-p", env.ImportPath)
	if path := test2jsonPath(env.Opts.Go); path != "" {
		cmd = exec.CommandContext(ctx, path, "-p", env.ImportPath)
	}
	cmd.Env = test2jsonEnv()
	cmd.Stdin = bytes.NewReader(out)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("test2json: %w %s", err, strings.TrimSpace(stderr.String()))
	}
	return stdout.Bytes(), nil
}
