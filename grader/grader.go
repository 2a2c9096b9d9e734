// Package grader checks an exercise: it plans the checks that exercise.yaml names, runs
// them in order (static, build, real tests, and more kinds as they are registered) and
// returns one Result that reporters turn into text, JSON or CI formats.
//
// The grader never writes into the folder it grades: the reference solution, the
// course's pristine tests and the leak check reach the go command through -overlay.
package grader

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/gocourse/gocourse/course"
)

// Status is the outcome of a check or of a whole exercise.
type Status string

const (
	Pass  Status = "pass"
	Fail  Status = "fail"
	Error Status = "error" // the grader could not judge: a missing file, no go command, ...
	Skip  Status = "skip"  // not run because an earlier check failed
)

// CheckResult is the outcome of one check.
type CheckResult struct {
	Name     string  `json:"name"`
	Status   Status  `json:"status"`
	Message  string  `json:"message,omitempty"`
	Replay   string  `json:"replay,omitempty"`
	Weight   float64 `json:"weight"`
	Duration int64   `json:"duration_ms"`
}

// Result is the outcome of checking one exercise.
type Result struct {
	ID       string        `json:"id"`
	Status   Status        `json:"status"`
	Checks   []CheckResult `json:"checks"`
	Score    float64       `json:"score"`
	MaxScore float64       `json:"max_score"`
	Duration int64         `json:"duration_ms"`
}

// Options say what to check and how.
type Options struct {
	// Workbook is the root of the checkout whose exercises are graded. It defaults to
	// the course root: a learner grades their own checkout.
	Workbook string
	// Solution grades the course's reference solution in place of the learner's files.
	Solution bool
	// Mutant, with Solution, grades one of the solution's mutants (a folder name
	// under solutions/ID/mutants/): its files where it has them, the solution's
	// elsewhere.
	Mutant string
	// Limits bound every run of learner code; zero fields take their defaults.
	Limits Limits
	// Hide lists folders, besides the course and the workbook, that learner code
	// must not see when it runs (the folder of every submission, say).
	Hide []string
	// Go is the go command to run; "go" by default.
	Go string
	// Command is how the learner runs gocourse, as the commands that messages
	// suggest are printed: "gocourse", "go run ./cmd/gocourse", "./gocourse".
	// The program that calls the grader knows how it was started; the grader
	// does not guess. Empty means "gocourse".
	Command string
	// Progress, if set, is told what the grader is doing ("building", "testing -race").
	// Checks run concurrently, so it may be called from several goroutines at once.
	Progress func(msg string)
	// FailFast stops at the first check that fails: enough to know that a starter
	// or a mutant fails, in about half the time.
	FailFast bool
	// Phase, if set, is told how long each step of a check took: "vet" of the
	// build check; "compile" and "run" of the test check; "rewrite", "compile"
	// and "explore" of the sim check. Benchmarks use it to split a check's time.
	// Checks run concurrently, so it may be called from several goroutines at once.
	Phase func(check, phase string, d time.Duration)

	// noPolicy skips the policy on the learner's files, so that the trust
	// tests can show that the defences behind it hold on their own.
	noPolicy bool
}

// command returns a gocourse command line as the learner can run it:
// command("trace x") is "gocourse trace x", or "go run ./cmd/gocourse trace x"
// when that is how the learner started gocourse (Options.Command).
func (env *Env) command(args string) string {
	prog := env.Opts.Command
	if prog == "" {
		prog = "gocourse"
	}
	return prog + " " + args
}

// phase tells Options.Phase that a step of a check, begun at t0, has ended.
func (env *Env) phase(check, name string, t0 time.Time) {
	if env.Opts.Phase != nil {
		env.Opts.Phase(check, name, time.Since(t0))
	}
}

// A Checker runs one kind of check.
type Checker interface {
	Check(ctx context.Context, env *Env, c course.Check) CheckResult
}

var checkers = map[string]Checker{}

// Register makes a kind of check available to exercise.yaml files.
func Register(kind string, c Checker) {
	checkers[kind] = c
	course.RegisterCheckKind(kind)
}

// Check grades one exercise. It never panics on bad input: problems with the exercise
// or the grader itself come back as a Result with status "error".
func Check(ctx context.Context, c *course.Course, ex *course.Exercise, opts Options) (res *Result) {
	start := time.Now()
	res = &Result{ID: ex.ID}
	defer func() {
		if p := recover(); p != nil {
			res.Checks = append(res.Checks, CheckResult{Name: "grader", Status: Error, Message: fmt.Sprintf("internal error: %v", p)})
		}
		res.finish(time.Since(start))
	}()

	defer func() { res.sanitize() }()
	defer func() {
		// Every check of the exercise is in the result, so that its max_score is the
		// exercise's whatever went wrong: never a silent full mark.
		for _, ch := range ex.Checks[min(countRun(res, ex), len(ex.Checks)):] {
			res.Checks = append(res.Checks, CheckResult{Name: ch.Kind, Status: Skip, Weight: ch.Weight, Message: "not run: fix the problem above first"})
		}
	}()
	env, err := newEnv(c, ex, opts)
	if err != nil {
		var le *learnerFault
		if errors.As(err, &le) {
			res.Checks = append(res.Checks, CheckResult{Name: "files", Status: Fail, Message: err.Error()})
			return res
		}
		res.Checks = append(res.Checks, CheckResult{Name: "setup", Status: Error, Message: err.Error()})
		return res
	}
	defer env.Close()

	// Parse before anything compiles: a syntax error is reported at its line, alone.
	static := env.parse()
	failed := static.Status != Pass
	if failed {
		res.Checks = append(res.Checks, static)
	}
	if failed {
		for _, ch := range ex.Checks {
			res.Checks = append(res.Checks, CheckResult{Name: ch.Kind, Status: Skip, Weight: ch.Weight, Message: "not run: fix the problem above first"})
		}
		return res
	}
	res.Checks = append(res.Checks, runChecks(ctx, env, ex.Checks, opts.FailFast)...)
	return res
}

// runChecks runs an exercise's checks. The build check is a gate: when it fails,
// nothing else runs. The others run in two lanes at once — the checks that build
// and run the real test binary (test, timing) one after another in one lane,
// everything else (the simulator, output, static) in the other — and their
// results keep the order of exercise.yaml. With failFast, the first check that
// fails stops those still to come.
func runChecks(ctx context.Context, env *Env, checks []course.Check, failFast bool) []CheckResult {
	results := make([]CheckResult, len(checks))
	done := make([]bool, len(checks))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var mu sync.Mutex
	stopped := false
	run := func(i int) bool {
		ch := checks[i]
		mu.Lock()
		if stopped {
			mu.Unlock()
			return false
		}
		mu.Unlock()
		t0 := time.Now()
		var r CheckResult
		if checker, ok := checkers[ch.Kind]; ok {
			r = checker.Check(ctx, env, ch)
		} else {
			r = CheckResult{Name: ch.Kind, Status: Error, Message: fmt.Sprintf("no checker for kind %q in this build of gocourse", ch.Kind)}
		}
		r.Weight = ch.Weight
		r.Duration = time.Since(t0).Milliseconds()
		mu.Lock()
		defer mu.Unlock()
		if stopped {
			return false // cancelled half-way: its result says nothing
		}
		results[i], done[i] = r, true
		if r.Status != Pass && (failFast || ch.Kind == "build") {
			stopped = true
			cancel()
		}
		return !stopped
	}
	var lanes [2][]int
	for i, ch := range checks {
		switch {
		case ch.Kind == "build":
			if !run(i) {
				goto finish
			}
		case ch.Kind == "test" || ch.Kind == "timing":
			lanes[0] = append(lanes[0], i)
		default:
			lanes[1] = append(lanes[1], i)
		}
	}
	{
		var wg sync.WaitGroup
		for _, lane := range lanes {
			wg.Go(func() {
				for _, i := range lane {
					if !run(i) {
						return
					}
				}
			})
		}
		wg.Wait()
	}
finish:
	for i, ch := range checks {
		if !done[i] {
			msg := "not run: fix the problem above first"
			if failFast {
				msg = "not run: an earlier check failed"
			}
			results[i] = CheckResult{Name: ch.Kind, Status: Skip, Weight: ch.Weight, Message: msg}
		}
	}
	return results
}

// countRun returns how many of the exercise's checks have a result: the checks
// after the static ones ("parse", "files", "setup", "grader"), which the exercise
// does not list.
func countRun(r *Result, ex *course.Exercise) int {
	n := 0
	for _, ch := range r.Checks {
		switch ch.Name {
		case "parse", "files", "setup", "grader":
			if !isCheckKind(ex, ch.Name) {
				continue
			}
		}
		n++
	}
	return n
}

func isCheckKind(ex *course.Exercise, name string) bool {
	for _, ch := range ex.Checks {
		if ch.Kind == name {
			return true
		}
	}
	return false
}

// sanitize cleans and bounds every message: learner code decides much of them.
func (r *Result) sanitize() {
	for i := range r.Checks {
		r.Checks[i].Message = Sanitize(r.Checks[i].Message, maxMessage)
	}
}

func (r *Result) finish(d time.Duration) {
	r.Duration = d.Milliseconds()
	r.Status = Pass
	r.Score, r.MaxScore = 0, 0
	// The build check is a gate, not an achievement: a starter compiles as shipped,
	// so its points come only with every other check passing too. A static check
	// says how a working solution is written ("no time.Sleep to wait"), which a
	// starter may satisfy by doing nothing: its points come only with every check
	// of behaviour (test, sim, timing, output) passing.
	othersPass, behaviourPass := true, true
	// The real tests' pass is luck when the simulator holds a failing schedule of
	// one of the same tests: the real runtime happened not to meet it, and a
	// starter whose bug shows on rare schedules would collect the points.
	luck := ""
	for _, ch := range r.Checks {
		if ch.Name == "sim" && ch.Status == Fail {
			if test, _, ok := strings.Cut(ch.Replay, "@"); ok && strings.HasPrefix(test, "Test") {
				luck = test
			}
		}
	}
	for _, ch := range r.Checks {
		if ch.Name != "build" && ch.Status != Pass {
			othersPass = false
			if ch.Name != "static" {
				behaviourPass = false
			}
		}
	}
	for i, ch := range r.Checks {
		r.MaxScore += ch.Weight
		switch ch.Status {
		case Pass:
			switch {
			case ch.Name == "build" && !othersPass:
			case ch.Name == "static" && !behaviourPass:
			case ch.Name == "test" && luck != "":
				r.Checks[i].Message = strings.TrimSpace(ch.Message + "\npassed on real cores, but the sim check replays a schedule where " + luck + " fails: no points until every schedule passes")
			default:
				r.Score += ch.Weight
			}
		case Error:
			r.Status = Error
		case Fail, Skip:
			if r.Status == Pass {
				r.Status = Fail
			}
		}
	}
	if len(r.Checks) == 0 {
		r.Status = Error
	}
}
