package grader

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/gocourse/gocourse/internal/course"
)

func init() { Register("test", realTest{}) }

// realTest runs the course's tests for real: go test -json with the race detector,
// several GOMAXPROCS values, a timeout, and a goroutine-leak check after the tests.
type realTest struct{}

// leakMarker starts the line that the generated TestMain prints when goroutines leak.
const leakMarker = "gocourse-leak-check:"

// leakFile is the name of the generated file that holds the leak-checking TestMain.
const leakFile = "zz_gocourse_leak_test.go"

// leakOverlay returns the overlay entry that adds the leak-checking TestMain to the
// course's tests, or nil when the course's tests have a TestMain of their own.
func (env *Env) leakOverlay() map[string]string {
	if env.TestPackage == "" {
		return nil
	}
	src := fmt.Sprintf(`package %s

import (
	"fmt"
	"os"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 {
		if err := goleak.Find(); err != nil {
			fmt.Printf("\n%s %%v\n", err)
			code = 1
		}
	}
	os.Exit(code)
}
`, env.TestPackage, leakMarker)
	path := filepath.Join(env.TmpDir, leakFile)
	if err := writeFile(path, src); err != nil {
		return nil
	}
	return map[string]string{filepath.Join(env.Dir, leakFile): path}
}

func (realTest) Check(ctx context.Context, env *Env, c course.Check) CheckResult {
	res := CheckResult{Name: "test"}
	race := course.Flag(c.Race, true)
	leak := course.Flag(c.Leak, true)
	var extra map[string]string
	if leak {
		extra = env.leakOverlay()
	}
	overlay, err := env.writeOverlay(extra)
	if err != nil {
		return CheckResult{Name: "test", Status: Error, Message: err.Error()}
	}
	cpus := make([]string, len(c.CPU))
	for i, n := range c.CPU {
		cpus[i] = strconv.Itoa(n)
	}
	run := c.Run
	if run == "" {
		run = "^(" + strings.Join(env.Tests, "|") + ")$"
	}
	args := []string{"test", "-json", "-count=1", "-cpu", strings.Join(cpus, ","), "-timeout", c.Timeout.String(), "-overlay", overlay, "-run", run}
	if race {
		args = append(args, "-race")
	}
	args = append(args, ".")
	if env.Opts.Progress != nil {
		what := "testing " + env.Exercise.ID
		if race {
			what += " with -race"
		}
		env.Opts.Progress(what)
	}
	limit := buildLimit + time.Duration(len(c.CPU)+1)*c.Timeout
	stdout, stderr, err := env.goCmd(ctx, limit, args...)
	tr := parseTestJSON(stdout)
	if len(tr.build) > 0 || (len(tr.passes) == 0 && len(tr.fails) == 0 && err != nil) {
		msgs := env.diagnostics(strings.Join(tr.build, "\n") + "\n" + string(stderr))
		if len(msgs) == 0 {
			res.Status = Error
			res.Message = strings.TrimSpace(fmt.Sprint(err) + "\n" + strings.Join(limitLines(env.relMessages(string(stderr)), 10), "\n"))
			return res
		}
		res.Status = Fail
		res.Message = "does not build:\n" + strings.Join(limitLines(msgs, 10), "\n")
		return res
	}
	return env.judge(tr, c, race, leak)
}

// judge turns the events of a run into a result. Every test the course expects must
// have passed once per -cpu value; a missing event is a failure, never a pass.
func (env *Env) judge(tr *testRun, c course.Check, race, leak bool) CheckResult {
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
	for _, t := range expected {
		switch {
		case tr.fails[t] > 0:
			problems = append(problems, env.explainFailure(t, tr.output[t], c))
		case tr.passes[t] == len(c.CPU):
		case tr.skips[t] > 0:
			problems = append(problems, fmt.Sprintf("%s was skipped; the course counts only tests that pass", t))
		default:
			problems = append(problems, env.explainMissing(t, tr, c))
		}
	}
	if len(problems) == 0 && leak {
		if msg := env.explainLeak(tr.output[""]); msg != "" {
			problems = append(problems, msg)
		}
	}
	if len(problems) == 0 && tr.pkgFail {
		problems = append(problems, "the test binary failed after the tests passed:\n"+env.excerpt(tr.output[""], 10))
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
func (env *Env) explainFailure(test string, out []string, c course.Check) string {
	if race := env.explainRace(out); race != "" {
		return fmt.Sprintf("%s: data race: %s", test, race)
	}
	if t := env.explainTimeout(out); t != "" {
		return fmt.Sprintf("%s: %s", test, t)
	}
	return fmt.Sprintf("%s failed:\n%s", test, env.excerpt(out, 12))
}

// explainMissing says why a test has no final event: a timeout, a crash, or an exit.
func (env *Env) explainMissing(test string, tr *testRun, c course.Check) string {
	out := append(append([]string{}, tr.output[test]...), tr.output[""]...)
	if t := env.explainTimeout(out); t != "" {
		return fmt.Sprintf("%s: %s", test, t)
	}
	for _, l := range out {
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") {
			return fmt.Sprintf("%s crashed: %s%s", test, l, env.whereStuck(out, 1))
		}
	}
	if tr.passes[test] > 0 {
		return fmt.Sprintf("%s passed %d of %d runs (-cpu %v) and then reported nothing: did the program exit early?", test, tr.passes[test], len(c.CPU), c.CPU)
	}
	return fmt.Sprintf("%s never finished: the test binary ended without reporting it (os.Exit? a crash?)", test)
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
		msg := fmt.Sprintf("goroutine leak: %d goroutine(s) were still running after the tests finished", len(states))
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
