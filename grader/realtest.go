package grader

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gocourse/gocourse/course"
)

// realTest runs the course's tests for real: go test -json with the race detector,
// several GOMAXPROCS values, a timeout, and a goroutine-leak check after the tests.
type realTest struct{}

// leakMarker starts the line that the generated TestMain prints when goroutines leak.
const leakMarker = "gocourse-leak-check:"

// leakFile is the name of the generated file that holds the leak-checking TestMain.
const leakFile = "zz_gocourse_leak_test.go"

// reportFD is the file descriptor on which the generated TestMain writes its
// report (a binaryReport as JSON): the write end of a pipe that runTests hands
// the test binary, compiled into it as a constant.
const reportFD = 3

// maxReport bounds the report the grader reads from the test binary.
const maxReport = 1 << 20

// leakProfileMarker starts the line that the generated TestMain prints with the
// number of goroutines that Go's goroutine leak profile found blocked forever,
// followed by their stacks.
const leakProfileMarker = "gocourse-leak-profile:"

// leakExperiment is the GOEXPERIMENT that gives Go 1.26's runtime/pprof its
// "goroutineleak" profile.
const leakExperiment = "goroutineleakprofile"

// maxLeakStacks bounds how many leaked goroutines' stacks the TestMain prints.
const maxLeakStacks = 20

// deadlockMarker starts the line that the generated TestMain's watch prints,
// with the number of goroutines of the learner's code blocked forever and their
// stacks, before it stops the tests.
const deadlockMarker = "gocourse-deadlock:"

// watchEvery is how often the generated TestMain's watch takes the goroutine
// leak profile while the tests run (each time a garbage collection).
const watchEvery = 250 * time.Millisecond

// testMain returns the generated TestMain, as an overlay entry keyed by the
// build folder: it runs the tests, checks for leaked goroutines when leak is
// set, and writes its report (binaryReport, with the run's nonce) on reportFD;
// nil when the course's tests have a TestMain of their own.
//
// The leak check is two detectors. Go's goroutine leak profile (a garbage
// collection that finds goroutines blocked on a channel, mutex or WaitGroup that
// no running goroutine can reach, so they can never go on) runs after every
// test run, failed or not, and names the goroutines that can never end. goleak
// then lists every goroutine still alive once the tests have passed, whatever it
// waits on: one blocked on a package-level channel, one sleeping, one slow to
// finish. The first is exact but sees only the blocked-forever kind; the second
// sees everything but cannot tell a goroutine that will never end from one that
// has not ended yet. The profile is there when the test binary was built with
// GOEXPERIMENT=goroutineleakprofile (see compileTests).
func (env *Env) testMain(leak bool) (map[string]string, error) {
	if env.TestPackage == "" || env.courseMain {
		return nil, nil
	}
	watch, check, imp, helpers := "", "", "", ""
	if leak {
		imp = "\"runtime/pprof\"\n\t\"strings\"\n\t\"sync\"\n\t\"time\"\n\n\t\"go.uber.org/goleak\""
		watch = `	if p := pprof.Lookup("goroutineleak"); p != nil {
		gocourseWatchMu.Lock()
		gocourseWatch(p)
		gocourseWatchMu.Unlock()
	}
`
		check = `	gocourseWatchStop()
	if p := pprof.Lookup("goroutineleak"); p != nil {
		n, stacks := gocourseLeaked(p, false)
		gocourseReport.LeakProfile = &gocourseLeakReport{N: n, Stacks: stacks}
		if n > 0 {
			code = 1
		}
	}
	if code == 0 {
		if err := goleak.Find(); err != nil {
			gocourseReport.Goleak = err.Error()
			code = 1
		}
	}
`
		var learner []string
		for _, f := range env.Exercise.Files {
			if strings.HasSuffix(f, ".go") && !strings.HasSuffix(f, "_test.go") {
				learner = append(learner, "/"+env.Exercise.ID+"/"+f+":")
			}
		}
		helpers = fmt.Sprintf(`
// The watch's state: its timer, and whether TestMain has stopped it.
var (
	gocourseWatchMu      sync.Mutex
	gocourseWatchTimer   *time.Timer
	gocourseWatchStopped bool
)

// gocourseWatch stops the tests as soon as a goroutine of the learner's code is
// blocked forever (Go's goroutine leak profile: blocked on something that no
// running goroutine can reach): the test waiting for it could only time out.
// It is a timer, not a goroutine, so that the tests' own leak checks do not
// see it between two looks.
func gocourseWatch(p *pprof.Profile) {
	gocourseWatchTimer = time.AfterFunc(%d*time.Millisecond, func() {
		gocourseWatchMu.Lock()
		defer gocourseWatchMu.Unlock()
		if gocourseWatchStopped {
			return
		}
		if n, stacks := gocourseLeaked(p, true); n > 0 {
			fmt.Printf("\n%s %%d\n%%s\n\n", n, stacks)
			os.Exit(1)
		}
		gocourseWatch(p)
	})
}

// gocourseWatchStop stops the watch for good.
func gocourseWatchStop() {
	gocourseWatchMu.Lock()
	defer gocourseWatchMu.Unlock()
	gocourseWatchStopped = true
	if gocourseWatchTimer != nil {
		gocourseWatchTimer.Stop()
	}
}

// gocourseLearnerFiles end the stack lines of the learner's files.
var gocourseLearnerFiles = %#v

// gocourseLeaked takes the goroutine leak profile and returns how many
// goroutines it found blocked forever (only those in the learner's files when
// learnerOnly is set) and the stacks of the first %d.
func gocourseLeaked(p *pprof.Profile, learnerOnly bool) (int, string) {
	var b strings.Builder
	p.WriteTo(&b, 2)
	var leaked []string
	for _, g := range strings.Split(b.String(), "\n\n") {
		if head, _, _ := strings.Cut(g, "\n"); !strings.HasSuffix(head, " (leaked)]:") {
			continue
		}
		mine := !learnerOnly
		for _, f := range gocourseLearnerFiles {
			mine = mine || strings.Contains(g, f)
		}
		if mine {
			leaked = append(leaked, strings.TrimSpace(g))
		}
	}
	n := len(leaked)
	if len(leaked) > %d {
		leaked = leaked[:%d]
	}
	return n, strings.Join(leaked, "\n\n")
}
`, watchEvery.Milliseconds(), deadlockMarker, learner, maxLeakStacks, maxLeakStacks, maxLeakStacks)
	}
	src := fmt.Sprintf(`package %s

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	%s
)

func TestMain(m *testing.M) {
%s	code := m.Run()
%s	gocourseReport.Code = code
	gocourseSend()
	os.Exit(code)
}

// gocourseReport is what the test binary tells the grader, on the report
// descriptor, once every test ran.
var gocourseReport struct {
	Nonce       string              `+"`json:\"nonce\"`"+`
	Code        int                 `+"`json:\"code\"`"+`
	LeakProfile *gocourseLeakReport `+"`json:\"leak_profile,omitempty\"`"+`
	Goleak      string              `+"`json:\"goleak,omitempty\"`"+`
}

type gocourseLeakReport struct {
	N      int    `+"`json:\"n\"`"+`
	Stacks string `+"`json:\"stacks\"`"+`
}

// gocourseSend writes the report, with the run's nonce, to the descriptor the
// grader opened for it. Both are constants: nothing the tested code does at
// run time changes where the report goes or what proves it genuine.
func gocourseSend() {
	gocourseReport.Nonce = %q
	data, _ := json.Marshal(&gocourseReport)
	f := os.NewFile(%d, "gocourse-report")
	fmt.Fprintf(f, "%%s\n", data)
	f.Close()
}
%s`, env.TestPackage, imp, watch, check, env.nonce, reportFD, helpers)
	path := filepath.Join(env.TmpDir, leakFile)
	if err := writeFile(path, src); err != nil {
		return nil, fmt.Errorf("writing the generated TestMain: %w", err)
	}
	return map[string]string{filepath.Join(env.BuildDir, leakFile): path}, nil
}

func (realTest) Check(ctx context.Context, env *Env, c testSettings) CheckResult {
	race := course.Flag(c.Race, true)
	leak := course.Flag(c.Leak, true)
	if env.Opts.Progress != nil {
		env.Opts.Progress("building the tests of " + env.Exercise.ID)
	}
	t0 := time.Now()
	bin, fail := env.compileTests(ctx, race, leak)
	env.phase("test", "compile", t0)
	if fail != nil {
		fail.Name = "test"
		return *fail
	}
	cpus := make([]string, len(c.CPU))
	for i, n := range c.CPU {
		cpus[i] = strconv.Itoa(n)
	}
	run := c.Run
	if run == "" {
		run = "^(" + strings.Join(env.Tests, "|") + ")$"
	}
	if env.Opts.Progress != nil {
		what := "testing " + env.Exercise.ID
		if race {
			what += " with -race"
		}
		env.Opts.Progress(what)
	}
	t0 = time.Now()
	out, report := env.runTests(ctx, bin, race, c.Timeout,
		"-test.paniconexit0", "-test.v=test2json", "-test.count=1",
		"-test.timeout="+c.Timeout.String(), "-test.cpu="+strings.Join(cpus, ","), "-test.run="+run)
	env.phase("test", "run", t0)
	if out.Err != nil {
		return CheckResult{Name: "test", Status: Error, Message: out.Err.Error()}
	}
	events, err := env.test2json(ctx, []byte(env.fromBuild(string(out.Output))))
	if err != nil {
		return CheckResult{Name: "test", Status: Error, Message: err.Error()}
	}
	tr := parseTestJSON(events)
	if report != nil {
		// Its stacks name files as the binary knows them (-trimpath).
		report.Goleak = env.fromBuild(report.Goleak)
		if report.LeakProfile != nil {
			report.LeakProfile.Stacks = env.fromBuild(report.LeakProfile.Stacks)
		}
	}
	tr.exitCode, tr.killed, tr.report = out.ExitCode, out.Killed, report
	return env.judge(tr, c, race, leak)
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
		os.Chmod(bin, 0o755)
		return bin, nil
	}
	r := env.buildFailure("test", "does not build:\n", err, stderr)
	return "", &r
}

// runDir returns the folder a test binary runs in, made on first use: writable by
// the learner's code (which may run as another user), holding the course's testdata
// in strict mode.
func (env *Env) runDir() string {
	dir := filepath.Join(env.TmpDir, "run")
	if _, err := os.Stat(dir); err == nil {
		return dir
	}
	for _, d := range []string{dir, filepath.Join(dir, "tmp"), filepath.Join(dir, "home")} {
		os.MkdirAll(d, 0o777)
		os.Chmod(d, 0o777)
	}
	if env.Strict {
		if td := filepath.Join(env.BuildDir, "testdata"); dirExists(td) {
			os.CopyFS(filepath.Join(dir, "testdata"), os.DirFS(td))
		}
	}
	return dir
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

// binaryReport is what the generated TestMain writes on reportFD when the tests
// have run: the nonce that proves it came from there, m.Run's exit code, and
// what the leak check found.
type binaryReport struct {
	Nonce       string `json:"nonce"`
	Code        int    `json:"code"`
	LeakProfile *struct {
		N      int    `json:"n"`
		Stacks string `json:"stacks"`
	} `json:"leak_profile"`
	Goleak string `json:"goleak"`
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

// leakLines gives the report's leak findings as the lines that explainLeak and
// explainLeakProfile read.
func (rep *binaryReport) leakLines() []string {
	if rep == nil {
		return nil
	}
	var lines []string
	if p := rep.LeakProfile; p != nil {
		lines = append(lines, fmt.Sprintf("%s %d", leakProfileMarker, p.N))
		lines = append(lines, strings.Split(p.Stacks, "\n")...)
		lines = append(lines, "")
	}
	if rep.Goleak != "" {
		lines = append(lines, strings.Split(leakMarker+" "+rep.Goleak, "\n")...)
	}
	return lines
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

// test2json turns the output of a test binary run with -test.v=test2json into
// go test -json events.
func (env *Env) test2json(ctx context.Context, out []byte) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	// Since Go 1.24 test2json is built on first use and cached, like go tool's others.
	cmd := exec.CommandContext(ctx, env.Opts.Go, "tool", "test2json", "-p", env.ImportPath)
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=")
	cmd.Stdin = bytes.NewReader(out)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("test2json: %v %s", err, strings.TrimSpace(stderr.String()))
	}
	return stdout.Bytes(), nil
}

// judge turns the events of a run into a result. Every test the course expects must
// have passed once per -cpu value; a missing event is a failure, never a pass.
func (env *Env) judge(tr *testRun, c testSettings, race, leak bool) CheckResult {
	res := CheckResult{Name: "test", Status: Pass}
	var problems []string
	expected := env.Tests
	if c.Run != "" {
		re, err := regexp.Compile(c.Run)
		if err != nil {
			return CheckResult{Name: "test", Status: Error, Message: "run: " + err.Error()}
		}
		expected = nil
		for _, t := range env.Tests {
			if re.MatchString(t) {
				expected = append(expected, t)
			}
		}
	}
	crashed := tr.crashedIn(expected)
	stuck := ""
	if leak {
		stuck = tr.deadlockedIn(expected)
	}
	for _, t := range expected {
		switch {
		case stuck != "" && t == stuck:
			problems = append(problems, env.explainDeadlock(t, tr))
		case stuck != "" && tr.passes[t] < len(c.CPU) && tr.fails[t] == 0:
			// Not run, or cut short: the tests stopped at the deadlock.
			continue
		case crashed != "" && t == crashed:
			problems = append(problems, env.explainCrash(t, tr))
		case tr.fails[t] > 0:
			problems = append(problems, env.explainFailure(t, tr.output[t], c))
		case tr.passes[t] == len(c.CPU):
		case tr.skips[t] > 0:
			problems = append(problems, fmt.Sprintf("%s was skipped; the course counts only tests that pass", t))
		case crashed != "":
			problems = append(problems, fmt.Sprintf("%s did not run to the end: the test binary crashed in %s", t, crashed))
		default:
			problems = append(problems, env.explainMissing(t, tr, c))
		}
	}
	if tr.killed != "" {
		// Said first: it is why tests are missing.
		problems = append([]string{"the test binary " + tr.killed + env.explainMemory(tr)}, problems...)
	}
	if leak {
		// Goroutines blocked forever are worth knowing about even when a test
		// failed: they are often why it failed.
		forever, ran := env.explainLeakProfile(tr.report.leakLines())
		if forever != "" {
			problems = append(problems, forever)
		}
		if len(problems) == 0 {
			if msg := env.explainLeak(tr.report.leakLines()); msg != "" {
				if ran {
					msg += "\n(Go's goroutine leak profile found none of them blocked forever: they wait on something still reachable, such as a package-level channel, or sleep, or had not finished yet.)"
				}
				problems = append(problems, msg)
			}
		}
	}
	if len(problems) == 0 && tr.pkgFail {
		problems = append(problems, "the test binary failed after the tests passed:\n"+env.excerpt(tr.output[""], 10))
	}
	// Every test passed by the events; the generated TestMain's report must say
	// so too. It comes on a descriptor that the tested code cannot reach (the
	// policy refuses os.NewFile, syscall and unsafe), with the nonce: a program
	// that prints forged results and exits never sends it, and m.Run's exit code
	// in it counts every real failure, whatever the output said.
	if len(problems) == 0 && env.nonce != "" && !env.courseMain {
		switch rep := tr.report; {
		case rep == nil || rep.Nonce != env.nonce:
			problems = append(problems, "the test binary ended before the course's checks were done: did your code call os.Exit, or end the program another way?"+env.tail(tr))
		case rep.Code != 0:
			problems = append(problems, fmt.Sprintf("the testing package counted a failure (exit code %d) that its output does not show%s", rep.Code, env.tail(tr)))
		}
	}
	if len(problems) == 0 && tr.exitCode != 0 {
		problems = append(problems, fmt.Sprintf("the test binary exited with status %d after the tests passed%s", tr.exitCode, env.tail(tr)))
	}
	if len(problems) > 0 {
		res.Status = Fail
		res.Message = strings.Join(problems, "\n")
	}
	return res
}

var (
	raceAccess  = regexp.MustCompile(`^(Read|Write|Previous read|Previous write|Atomic read|Atomic write) at 0x[0-9a-f]+ by (goroutine \d+|main goroutine):`)
	stackFile   = regexp.MustCompile(`^\s+(\S+\.go):(\d+)`)
	goroutineHd = regexp.MustCompile(`^goroutine (\d+) \[([^\]]+)\]:`)
)

// explainFailure says why a test failed, in the learner's terms: a data race names the
// two accesses in the learner's files; otherwise the test's own messages are shown.
func (env *Env) explainFailure(test string, out []string, c testSettings) string {
	if race := env.explainRace(out); race != "" {
		return fmt.Sprintf("%s: data race: %s", test, race)
	}
	if t := env.explainTimeout(out); t != "" {
		return fmt.Sprintf("%s: %s", test, t)
	}
	return fmt.Sprintf("%s failed:\n%s", test, env.excerpt(out, 12))
}

// explainMissing says why a test has no final event: a timeout, a crash, or an exit.
func (env *Env) explainMissing(test string, tr *testRun, c testSettings) string {
	out := append(append([]string{}, tr.output[test]...), tr.output[""]...)
	if t := env.explainTimeout(out); t != "" {
		return fmt.Sprintf("%s: %s", test, t)
	}
	if tr.killed == "" {
		if m := env.explainMemory(tr); m != "" {
			return fmt.Sprintf("%s never finished%s", test, m)
		}
	}
	for _, l := range out {
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") {
			return fmt.Sprintf("%s crashed: %s%s%s", test, l, bubbleWords(l), env.whereStuck(out, 1))
		}
	}
	if tr.passes[test] > 0 {
		return fmt.Sprintf("%s passed %d of %d runs (-cpu %v) and then reported nothing: did the program exit early?", test, tr.passes[test], len(c.CPU), c.CPU)
	}
	return fmt.Sprintf("%s never finished: the test binary ended without reporting it (os.Exit? a crash?)", test)
}

// bubbleWords says in the lessons' words what testing/synctest's deadlock
// panics mean: the course's tests run the learner's code in a synctest bubble
// (a group of goroutines with a fake clock that moves only when all of them are
// blocked), and its words for a leak and a deadlock are not the lessons'.
func bubbleWords(crash string) string {
	switch {
	case strings.Contains(crash, "main bubble goroutine has exited but blocked goroutines remain"):
		return "\n  That is a goroutine leak: the test's function returned while goroutines your code started were still blocked, and nothing would ever wake them. (The test runs your code in a testing/synctest \"bubble\": goroutines with a fake clock, which lets it see this at once.)"
	case strings.Contains(crash, "all goroutines in bubble are blocked"):
		return "\n  That is a deadlock: every goroutine of the test was blocked, and no timer was left to wake any of them (the test runs your code in a testing/synctest \"bubble\", whose fake clock had nothing left to move to)."
	}
	return ""
}

// crashedIn returns the test whose output holds a panic or fatal error that ended
// the test binary (a timeout is told apart by explainTimeout), or "".
func (tr *testRun) crashedIn(tests []string) string {
	for _, t := range tests {
		if tr.passes[t] > 0 && tr.fails[t] == 0 {
			continue
		}
		for _, l := range tr.output[t] {
			if (strings.HasPrefix(l, "panic: ") && !strings.HasPrefix(l, "panic: test timed out")) || strings.HasPrefix(l, "fatal error: ") {
				return t
			}
		}
	}
	return ""
}

// explainCrash shows a crashed test's own messages, then the crash and where the
// learner's code was.
func (env *Env) explainCrash(test string, tr *testRun) string {
	out := tr.output[test]
	var before []string
	crash := ""
	for i, l := range out {
		if (strings.HasPrefix(l, "panic: ") && !strings.HasPrefix(l, "panic: test timed out")) || strings.HasPrefix(l, "fatal error: ") {
			before, crash = out[:i], l
			break
		}
	}
	msg := fmt.Sprintf("%s crashed: %s%s%s", test, crash, bubbleWords(crash), env.whereStuck(out, 3))
	if own := env.excerpt(before, 8); own != "" {
		msg += "\n  before it crashed, the test said:\n" + own
	}
	return msg
}

// explainMemory adds a word when a run ended short of memory.
func (env *Env) explainMemory(tr *testRun) string {
	for _, lines := range tr.output {
		for _, l := range lines {
			if strings.Contains(l, "out of memory") || strings.Contains(l, "failed to allocate") || strings.Contains(l, "cannot allocate memory") {
				return fmt.Sprintf(" (it ran out of memory: the limit is about %s)", size(env.Opts.Limits.withDefaults().Memory))
			}
		}
	}
	return ""
}

// tail quotes the last lines the test binary printed outside any test.
func (env *Env) tail(tr *testRun) string {
	out := tr.output[""]
	var keep []string
	for i := len(out) - 1; i >= 0 && len(keep) < 5; i-- {
		if t := strings.TrimSpace(out[i]); t != "" && t != "PASS" && t != "FAIL" {
			keep = append([]string{"  " + t}, keep...)
		}
	}
	if len(keep) == 0 {
		return ""
	}
	return "\nits last words:\n" + strings.Join(keep, "\n")
}

// explainRace summarises the first data race report: which accesses, where.
func (env *Env) explainRace(out []string) string {
	var parts []string
	for i, l := range out {
		if l == "WARNING: DATA RACE" && len(parts) > 0 {
			break
		}
		m := raceAccess.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		where := ""
		for _, f := range out[i+1:] {
			if f == "" {
				break
			}
			if fm := stackFile.FindStringSubmatch(f); fm != nil && env.isLearnerFile(fm[1]) {
				where = env.Rel(fm[1]) + ":" + fm[2]
				break
			}
		}
		if where == "" {
			where = "outside your files"
		}
		parts = append(parts, fmt.Sprintf("%s by %s at %s", strings.ToLower(m[1]), m[2], where))
	}
	if len(parts) == 0 {
		for _, l := range out {
			if strings.Contains(l, "race detected during execution of test") {
				return "the race detector found unsynchronised access to shared memory"
			}
		}
		return ""
	}
	return strings.Join(parts, "; ") + " (two goroutines touch the same memory and nothing orders them)"
}

// explainTimeout recognises the testing package's timeout panic and names the
// goroutines of the learner's code that were stuck, and where.
func (env *Env) explainTimeout(out []string) string {
	for _, l := range out {
		if strings.HasPrefix(l, "panic: test timed out after ") {
			d := strings.TrimPrefix(l, "panic: test timed out after ")
			return fmt.Sprintf("timed out after %s: something blocks forever (a deadlock, or a goroutine waiting for a value that never comes)%s", d, env.whereStuck(out, 5))
		}
	}
	return ""
}

// whereStuck lists, from a goroutine dump, up to n goroutines whose stack passes
// through the learner's files, with the state the runtime gave them.
func (env *Env) whereStuck(out []string, n int) string {
	var lines []string
	for i := 0; i < len(out) && len(lines) < n; i++ {
		m := goroutineHd.FindStringSubmatch(out[i])
		if m == nil {
			continue
		}
		for j := i + 1; j < len(out) && out[j] != ""; j++ {
			if fm := stackFile.FindStringSubmatch(out[j]); fm != nil && env.isLearnerFile(fm[1]) {
				lines = append(lines, fmt.Sprintf("  goroutine %s [%s] at %s:%s", m[1], m[2], env.Rel(fm[1]), fm[2]))
				break
			}
		}
	}
	if len(lines) == 0 {
		return ""
	}
	return "\n" + strings.Join(lines, "\n")
}

// explainLeak reads the generated TestMain's report of goroutines left running.
func (env *Env) explainLeak(out []string) string {
	for i, l := range out {
		if !strings.HasPrefix(l, leakMarker) {
			continue
		}
		var where []string
		for _, f := range out[i+1:] {
			if fm := stackFile.FindStringSubmatch(f); fm != nil && env.isLearnerFile(fm[1]) {
				w := env.Rel(fm[1]) + ":" + fm[2]
				if len(where) == 0 || where[len(where)-1] != w {
					where = append(where, w)
				}
			}
		}
		states := regexp.MustCompile(`Goroutine \d+ in state ([^,]+),`).FindAllStringSubmatch(strings.Join(out[i:], "\n"), -1)
		msg := fmt.Sprintf("goroutine leak, found by goleak: %d goroutine(s) were still running after the tests finished", len(states))
		if len(states) > 0 {
			msg += fmt.Sprintf(" (the first blocked in %q)", states[0][1])
		}
		if len(where) > 0 {
			msg += ", started or blocked at " + strings.Join(limitLines(where, 3), ", ")
		}
		return msg
	}
	return ""
}

// explainLeakProfile reads what the generated TestMain printed from Go's goroutine
// leak profile: the goroutines blocked forever, where they wait and where they
// were started. ran says whether the profile was taken at all.
func (env *Env) explainLeakProfile(out []string) (msg string, ran bool) {
	for i, l := range out {
		rest, ok := strings.CutPrefix(l, leakProfileMarker)
		if !ok {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(rest))
		if err != nil || n == 0 {
			return "", err == nil
		}
		noun := "goroutine is"
		if n != 1 {
			noun = "goroutines are"
		}
		msg = fmt.Sprintf("goroutine leak, found by Go's goroutine leak profile: %d %s blocked forever, waiting on something that no running goroutine can reach, so nothing can ever wake them", n, noun)
		if where := env.leakedWhere(out[i+1:]); len(where) > 0 {
			msg += ":\n" + strings.Join(limitLines(where, 5), "\n")
		}
		return msg, true
	}
	return "", false
}

// leakedWhere describes the goroutines of a leak profile's stacks (the lines after
// its marker), one line per place they wait in the learner's code, with how many
// more wait at the same place.
func (env *Env) leakedWhere(out []string) []string {
	var where []string
	var more []int
	same := map[string]int{}
	for j := 0; j < len(out); j++ {
		if strings.HasPrefix(out[j], leakMarker) || strings.HasPrefix(out[j], leakProfileMarker) {
			break
		}
		m := goroutineHd.FindStringSubmatch(out[j])
		if m == nil {
			continue
		}
		state := strings.TrimSuffix(m[2], " (leaked)")
		at, created := "", ""
		for k := j + 1; k < len(out) && out[k] != "" && !goroutineHd.MatchString(out[k]); k++ {
			fm := stackFile.FindStringSubmatch(out[k])
			if fm == nil || filepath.Dir(fm[1]) != env.Dir {
				continue
			}
			pos := env.Rel(fm[1]) + ":" + fm[2]
			if strings.HasPrefix(out[k-1], "created by ") {
				created = pos
			} else if at == "" && env.isLearnerFile(fm[1]) {
				at = pos
			}
		}
		w := " [" + state + "]"
		if at != "" {
			w += " at " + at
		}
		if created != "" {
			w += ", started at " + created
		}
		if k, seen := same[w]; seen {
			more[k]++
			continue
		}
		same[w] = len(where)
		where = append(where, "  goroutine "+m[1]+w)
		more = append(more, 0)
	}
	for k, n := range more {
		if n > 0 {
			where[k] += fmt.Sprintf(" (and %d more like it)", n)
		}
	}
	return where
}

// deadlockedIn returns the test during which the generated TestMain's watch saw a
// goroutine of the learner's code blocked forever, and stopped the tests.
func (tr *testRun) deadlockedIn(tests []string) string {
	for _, t := range tests {
		for _, l := range tr.output[t] {
			if strings.HasPrefix(l, deadlockMarker) {
				return t
			}
		}
	}
	return ""
}

// explainDeadlock says which goroutines of the learner's code were blocked
// forever when the watch stopped the test, and what the test had said before.
func (env *Env) explainDeadlock(test string, tr *testRun) string {
	out := tr.output[test]
	for i, l := range out {
		rest, ok := strings.CutPrefix(l, deadlockMarker)
		if !ok {
			continue
		}
		n, _ := strconv.Atoi(strings.TrimSpace(rest))
		noun := "goroutine of your code is"
		if n != 1 {
			noun = "goroutines of your code are"
		}
		msg := fmt.Sprintf("%s: deadlock: %d %s blocked forever on something no running goroutine can reach (Go's goroutine leak profile saw it while the test ran, so the test was stopped instead of left to time out)", test, max(n, 1), noun)
		if where := env.leakedWhere(out[i+1:]); len(where) > 0 {
			msg += ":\n" + strings.Join(limitLines(where, 5), "\n")
		}
		if own := env.excerpt(out[:i], 8); own != "" {
			msg += "\n  before that, the test said:\n" + own
		}
		return msg
	}
	return ""
}

func (env *Env) isLearnerFile(path string) bool {
	return filepath.Dir(path) == env.Dir && !strings.HasSuffix(path, "_test.go")
}

// excerpt keeps a test's own messages: the lines that are not go test's framing.
func (env *Env) excerpt(out []string, n int) string {
	var keep []string
	seen := map[string]bool{} // each -cpu value repeats the same messages
	for _, l := range out {
		t := strings.TrimSpace(l)
		if seen[t] {
			continue
		}
		seen[t] = true
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- FAIL") || strings.HasPrefix(t, "--- PASS") || t == "FAIL" || t == "PASS" || strings.HasPrefix(t, "FAIL\t") || strings.HasPrefix(t, "ok ") {
			continue
		}
		keep = append(keep, "  "+strings.ReplaceAll(t, env.Dir+"/", ""))
	}
	return strings.Join(limitLines(keep, n), "\n")
}
