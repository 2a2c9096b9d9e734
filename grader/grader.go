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
	"time"

	"github.com/gocourse/gocourse/internal/course"
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
	// Progress, if set, is told what the grader is doing ("building", "testing -race").
	Progress func(msg string)
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
		var le *learnerError
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
	for _, ch := range ex.Checks {
		if failed {
			res.Checks = append(res.Checks, CheckResult{Name: ch.Kind, Status: Skip, Weight: ch.Weight, Message: "not run: fix the problem above first"})
			continue
		}
		t0 := time.Now()
		checker, ok := checkers[ch.Kind]
		if !ok {
			res.Checks = append(res.Checks, CheckResult{Name: ch.Kind, Status: Error, Weight: ch.Weight, Message: fmt.Sprintf("no checker for kind %q in this build of gocourse", ch.Kind)})
			continue
		}
		r := checker.Check(ctx, env, ch)
		r.Weight = ch.Weight
		r.Duration = time.Since(t0).Milliseconds()
		res.Checks = append(res.Checks, r)
		if ch.Kind == "build" && r.Status != Pass {
			failed = true
		}
	}
	return res
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
	// so its points come only with every other check passing too.
	othersPass := true
	for _, ch := range r.Checks {
		if ch.Name != "build" && ch.Status != Pass {
			othersPass = false
		}
	}
	for _, ch := range r.Checks {
		r.MaxScore += ch.Weight
		switch ch.Status {
		case Pass:
			if ch.Name != "build" || othersPass {
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
