package grader

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// judge turns the events of a run into a result. Every test the course expects must
// have passed once per -cpu value; a missing event is a failure, never a pass.
func (env *Env) judge(tr *testRun, c testSettings, race, leak bool) CheckResult {
	expected, err := env.expected(c)
	if err != nil {
		return CheckResult{Name: "test", Status: Error, Message: err.Error()}
	}
	problems := env.testProblems(tr, expected, c)
	if tr.killed != "" {
		// Said first: it is why tests are missing.
		problems = append([]string{"the test binary " + tr.killed + env.explainMemory(tr)}, problems...)
	}
	if d := tr.deadlocks[""]; d != nil {
		problems = append(problems, env.explainDeadlock("between two tests", d, nil))
	}
	if leak {
		problems = append(problems, env.leakProblems(tr, len(problems) == 0)...)
	}
	if len(problems) == 0 {
		problems = env.endProblems(tr)
	}
	if len(problems) > 0 {
		return CheckResult{Name: "test", Status: Fail, Message: strings.Join(problems, "\n")}
	}
	return CheckResult{Name: "test", Status: Pass}
}

// testProblems says, test by test, what kept each test from passing once per
// -cpu value.
func (env *Env) testProblems(tr *testRun, expected []string, c testSettings) []string {
	var problems []string
	ender := tr.ender(expected)
	for _, t := range expected {
		switch {
		case tr.deadlocks[t] != nil:
			problems = append(problems, env.explainDeadlock(t, tr.deadlocks[t], tr.output[t]))
		case tr.crashed(t):
			problems = append(problems, env.explainCrash(t, tr))
		case tr.fails[t] > 0:
			problems = append(problems, env.explainFailure(t, tr.output[t], c))
		case tr.passes[t] == len(c.CPU):
		case tr.skips[t] > 0:
			problems = append(problems, fmt.Sprintf("%s was skipped; the course counts only tests that pass", t))
		case ender != "" && tr.deadlocks[ender] != nil:
			// Not run, or cut short: the tests stopped at the deadlock.
			continue
		case ender != "":
			problems = append(problems, fmt.Sprintf("%s did not run to the end: the test binary crashed in %s", t, ender))
		default:
			problems = append(problems, env.explainMissing(t, tr, c))
		}
	}
	return problems
}

// leakProblems says what the leak check found. Goroutines blocked forever are
// worth knowing about even when a test failed: they are often why it failed.
// goleak's list of every goroutine still alive speaks only when passed is set:
// after a failed test, goroutines it left behind say nothing new.
func (env *Env) leakProblems(tr *testRun, passed bool) []string {
	var problems []string
	rep := tr.report
	if rep == nil {
		return nil
	}
	forever, ran := env.explainLeakProfile(rep.LeakProfile)
	if forever != "" {
		problems = append(problems, forever)
	}
	if passed && forever == "" {
		if msg := env.explainLeak(rep.Goleak); msg != "" {
			if ran {
				msg += "\n(Go's goroutine leak profile found none of them blocked forever: they wait on something still reachable, such as a package-level channel, or sleep, or had not finished yet.)"
			}
			problems = append(problems, msg)
		}
	}
	return problems
}

// endProblems says what is wrong with a run whose every test passed by the
// events: the binary failed afterwards, its report is missing or forged, or
// it exited with a failing status.
func (env *Env) endProblems(tr *testRun) []string {
	if tr.pkgFail {
		return []string{"the test binary failed after the tests passed:\n" + env.excerpt(tr.output[""], 10)}
	}
	// The generated TestMain's report must say so too. It comes on a
	// descriptor that the tested code cannot reach (the policy refuses
	// os.NewFile, syscall and unsafe), with the nonce: a program that prints
	// forged results and exits never sends it, and m.Run's exit code in it
	// counts every real failure, whatever the output said.
	if env.nonce != "" && !env.courseMain {
		switch rep := tr.report; {
		case rep == nil || rep.Nonce != env.nonce:
			return []string{"the test binary ended before the course's checks were done: did your code call os.Exit, or end the program another way?" + env.tail(tr)}
		case rep.Code != 0:
			return []string{fmt.Sprintf("the testing package counted a failure (exit code %d) that its output does not show%s", rep.Code, env.tail(tr))}
		}
	}
	if tr.exitCode != 0 {
		return []string{fmt.Sprintf("the test binary exited with status %d after the tests passed%s", tr.exitCode, env.tail(tr))}
	}
	return nil
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

// explainCrash shows a crashed test's own messages, then the crash and where the
// learner's code was.
func (env *Env) explainCrash(test string, tr *testRun) string {
	out := tr.output[test]
	var before []string
	crash := ""
	for i, l := range out {
		if isCrash(l) {
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

// goleakState finds the state of each goroutine in goleak's error.
var goleakState = regexp.MustCompile(`Goroutine \d+ in state ([^,]+),`)

// explainLeak reads goleak's list of the goroutines left running (its error,
// as the generated TestMain reported it).
func (env *Env) explainLeak(goleak string) string {
	if goleak == "" {
		return ""
	}
	var where []string
	for _, f := range strings.Split(goleak, "\n") {
		if fm := stackFile.FindStringSubmatch(f); fm != nil && env.isLearnerFile(fm[1]) {
			w := env.Rel(fm[1]) + ":" + fm[2]
			if len(where) == 0 || where[len(where)-1] != w {
				where = append(where, w)
			}
		}
	}
	states := goleakState.FindAllStringSubmatch(goleak, -1)
	msg := fmt.Sprintf("goroutine leak, found by goleak: %d goroutine(s) were still running after the tests finished", len(states))
	if len(states) > 0 {
		msg += fmt.Sprintf(" (the first blocked in %q)", states[0][1])
	}
	if len(where) > 0 {
		msg += ", started or blocked at " + strings.Join(limitLines(where, 3), ", ")
	}
	return msg
}

// explainLeakProfile says what Go's goroutine leak profile found after the
// tests: the goroutines blocked forever, where they wait and where they were
// started. ran says whether the profile was taken at all (p is nil when not).
func (env *Env) explainLeakProfile(p *leakFound) (msg string, ran bool) {
	if p == nil || p.N == 0 {
		return "", p != nil
	}
	noun := "goroutine is"
	if p.N != 1 {
		noun = "goroutines are"
	}
	msg = fmt.Sprintf("goroutine leak, found by Go's goroutine leak profile: %d %s blocked forever, waiting on something that no running goroutine can reach, so nothing can ever wake them", p.N, noun)
	if where := env.leakedWhere(strings.Split(p.Stacks, "\n")); len(where) > 0 {
		msg += ":\n" + strings.Join(limitLines(where, 5), "\n")
	}
	return msg, true
}

// leakedWhere describes the goroutines of a leak profile's stacks, one line per
// place they wait in the learner's code, with how many more wait at the same
// place.
func (env *Env) leakedWhere(out []string) []string {
	var where []string
	var more []int
	same := map[string]int{}
	for j := 0; j < len(out); j++ {
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

// explainDeadlock says which goroutines of the learner's code the watch saw
// blocked forever when it stopped test, and what the test had said before.
func (env *Env) explainDeadlock(test string, d *leakFound, out []string) string {
	noun := "goroutine of your code is"
	if d.N != 1 {
		noun = "goroutines of your code are"
	}
	msg := fmt.Sprintf("%s: deadlock: %d %s blocked forever on something no running goroutine can reach (Go's goroutine leak profile saw it while the test ran, so the test was stopped instead of left to time out)", test, max(d.N, 1), noun)
	if where := env.leakedWhere(strings.Split(d.Stacks, "\n")); len(where) > 0 {
		msg += ":\n" + strings.Join(limitLines(where, 5), "\n")
	}
	if own := env.excerpt(out, 8); own != "" {
		msg += "\n  before that, the test said:\n" + own
	}
	return msg
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
