// Package grader checks an exercise: it plans the checks that exercise.yaml names
// (each kind of check, in a file of its own, decodes and judges its settings),
// parses the learner's files, runs the build check as a gate and then the
// other checks in two concurrent lanes (the real test binary's checks in one,
// everything else in the other), and returns one Result that reporters turn
// into text, JSON or CI formats.
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
	"github.com/gocourse/gocourse/grader/simrun"
	simtoken "github.com/gocourse/gocourse/sim/token"
)

// Status is the outcome of a check or of a whole exercise.
type Status string

const (
	Pass  Status = "pass"
	Fail  Status = "fail"
	Error Status = "error" // the grader could not judge: a missing file, no go command, ...
	Skip  Status = "skip"  // not run because an earlier check failed
)

// CheckResult is the outcome of one check, or of a stage before the checks
// ("setup", "files", "parse", "grader") that stopped them.
type CheckResult struct {
	Name    string `json:"name"`
	Status  Status `json:"status"`
	Message string `json:"message,omitempty"`
	// Location is the first place in the learner's files that a failure
	// names (a compiler message, a forbidden construct), for reporters that
	// annotate code; nil when the failure names none.
	Location *Location `json:"location,omitempty"`
	Replay   string    `json:"replay,omitempty"`
	Weight   float64   `json:"weight"`
	Duration int64     `json:"duration_ms"`
}

// A Location is a line of a file of the graded workbook.
type Location struct {
	File string `json:"file"` // slash-separated, relative to the workbook's root
	Line int    `json:"line"`
}

// String returns "file:line", as compilers write it.
func (l Location) String() string { return fmt.Sprintf("%s:%d", l.File, l.Line) }

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
	// Both builds start while the build gate runs (see runChecks): the test
	// check's "compile" is then what the check waited for after the gate, and
	// the sim check's "rewrite" and "compile" are the build's own, overlapping
	// the gate.
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

// Check grades one exercise. It never panics on bad input: problems with the exercise
// or the grader itself come back as a Result with status "error".
//
// The result lists a stage's problem first, when one stopped the checks before
// they could run ("setup", "files", "parse", "grader"), then every check of
// the exercise in the order of exercise.yaml, so that its max_score is the
// exercise's whatever went wrong: never a silent full mark.
func Check(ctx context.Context, c *course.Course, ex *course.Exercise, opts Options) (res *Result) {
	start := time.Now()
	res = &Result{ID: ex.ID}
	var stage *CheckResult
	var results []CheckResult
	defer func() {
		if p := recover(); p != nil {
			stage = &CheckResult{Name: "grader", Status: Error, Message: fmt.Sprintf("internal error: %v", p)}
		}
		res.Checks = assemble(stage, results, ex)
		res.sanitize()
		res.finish(time.Since(start))
	}()
	steps, err := plan(ex)
	if err != nil {
		stage = &CheckResult{Name: "setup", Status: Error, Message: err.Error()}
		return res
	}
	env, err := newEnv(c, ex, opts)
	if err != nil {
		stage = &CheckResult{Name: "setup", Status: Error, Message: err.Error()}
		var le *learnerFault
		if errors.As(err, &le) {
			stage = &CheckResult{Name: "files", Status: Fail, Message: err.Error()}
		}
		return res
	}
	defer env.Close()

	// Parse before anything compiles: a syntax error is reported at its line, alone.
	if parsed := env.parse(); parsed.Status != Pass {
		stage = &parsed
		return res
	}
	warmUp(env.Opts.Go)
	results = runChecks(ctx, env, steps, opts.FailFast)
	return res
}

// warmUp starts the lookups that the first check of a process makes once and
// every later one reuses: whether this machine allows the sandbox's namespaces
// (a run of the launcher) and where the go command keeps test2json (a go
// command of its own). Started before the build gate, which keeps one process
// busy, they run on a core it leaves idle instead of on the way of the first
// test run; their results are the same whenever they are made.
func warmUp(goCmd string) {
	go Isolated()
	go test2jsonPath(goCmd)
}

// assemble puts a stage's problem, if any, before the results of the
// exercise's checks; a check without a result was not run.
func assemble(stage *CheckResult, results []CheckResult, ex *course.Exercise) []CheckResult {
	var all []CheckResult
	if stage != nil {
		all = append(all, *stage)
	}
	for i, ch := range ex.Checks {
		if i < len(results) && results[i].Status != "" {
			all = append(all, results[i])
			continue
		}
		all = append(all, CheckResult{Name: ch.Kind, Status: Skip, Weight: ch.Weight, Message: "not run: fix the problem above first"})
	}
	return all
}

// runChecks runs an exercise's checks. The build check is a gate: when it fails,
// nothing else runs. The others run in two lanes at once — the checks that build
// and run the real test binary (test, timing) one after another in one lane,
// everything else (the simulator, output, static) in the other — and their
// results keep the order of exercise.yaml. With failFast, the first check that
// fails stops those still to come.
func runChecks(ctx context.Context, env *Env, steps []step, failFast bool) []CheckResult {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	r := &checkRun{env: env, steps: steps, results: make([]CheckResult, len(steps)), failFast: failFast, cancel: cancel}
	var gates []int
	var lanes [2][]int
	for i, st := range steps {
		switch st.lane {
		case gate:
			gates = append(gates, i)
		case realLane:
			lanes[0] = append(lanes[0], i)
		default:
			lanes[1] = append(lanes[1], i)
		}
	}
	// In each lane, the first check that has a build to prepare (the test
	// binary; the simulator's rewrite and build) starts it while the gate
	// runs, on the core the gate leaves idle: building runs none of the
	// learner's code, and what it gives does not depend on the gate. When the
	// gate fails, the builds are stopped and their results unused.
	if len(gates) > 0 {
		defer env.endPrebuild()
		defer env.endSimPrebuild()
		for _, lane := range lanes {
			for _, i := range lane {
				if prep := steps[i].prepare; prep != nil {
					prep(ctx, env)
					break
				}
			}
		}
	}
	gated := true
	for _, i := range gates {
		gated = gated && r.run(ctx, i)
	}
	if gated {
		var wg sync.WaitGroup
		for _, lane := range lanes {
			wg.Go(func() {
				for _, i := range lane {
					if !r.run(ctx, i) {
						return
					}
				}
			})
		}
		wg.Wait()
	}
	for i, st := range steps {
		if r.results[i].Status == "" {
			msg := "not run: fix the problem above first"
			if failFast {
				msg = "not run: an earlier check failed"
			}
			r.results[i] = CheckResult{Name: st.check.Kind, Status: Skip, Weight: st.check.Weight, Message: msg}
		}
	}
	return r.results
}

// checkRun is the state the lanes of runChecks share.
type checkRun struct {
	env      *Env
	steps    []step
	failFast bool
	cancel   context.CancelFunc

	mu      sync.Mutex
	stopped bool          // a gate or (with failFast) any check failed: the rest do not run
	results []CheckResult // by step; a zero Status: not run
}

// run runs step i unless the run has stopped, records its result, and
// reports whether the checks after it may run.
func (r *checkRun) run(ctx context.Context, i int) bool {
	st := r.steps[i]
	r.mu.Lock()
	stopped := r.stopped
	r.mu.Unlock()
	if stopped {
		return false
	}
	t0 := time.Now()
	res := st.run(ctx, r.env)
	res.Name = st.check.Kind
	res.Weight = st.check.Weight
	res.Duration = time.Since(t0).Milliseconds()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopped {
		return false // cancelled half-way: its result says nothing
	}
	r.results[i] = res
	if res.Status != Pass && (r.failFast || st.lane == gate) {
		r.stopped = true
		r.cancel()
	}
	return !r.stopped
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
			if test, _ := simtoken.Parse(ch.Replay); simrun.IsTestName(test) {
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
