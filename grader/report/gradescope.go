package report

import (
	"fmt"
	"io"

	"github.com/gocourse/gocourse/grader"
)

// GradescopeResults is Gradescope's autograder results.json for one submission:
// one test per check of every exercise.
type GradescopeResults struct {
	Score            float64          `json:"score"`
	ExecutionTime    float64          `json:"execution_time"`
	Output           string           `json:"output"`
	Visibility       string           `json:"visibility"`
	StdoutVisibility string           `json:"stdout_visibility"`
	Tests            []GradescopeTest `json:"tests"`
}

// GradescopeTest is one check as a Gradescope test.
type GradescopeTest struct {
	Score        float64 `json:"score"`
	MaxScore     float64 `json:"max_score"`
	Status       string  `json:"status"` // passed or failed
	Name         string  `json:"name"`
	NameFormat   string  `json:"name_format"`
	Output       string  `json:"output"`
	OutputFormat string  `json:"output_format"`
	Visibility   string  `json:"visibility"`
}

// GradescopeFor converts one learner's submission.
func GradescopeFor(s *Submission) *GradescopeResults {
	out := &GradescopeResults{Score: s.Score, Visibility: "visible", StdoutVisibility: "hidden", Tests: []GradescopeTest{}}
	var ms int64
	for _, r := range s.Exercises {
		ms += r.Duration
		for _, ch := range r.Checks {
			t := GradescopeTest{MaxScore: ch.Weight, Status: "failed", Name: r.ID + ": " + ch.Name, NameFormat: "text", Output: ch.Message, OutputFormat: "text", Visibility: "visible"}
			switch ch.Status {
			case grader.Pass:
				t.Score, t.Status = ch.Weight, "passed"
			case grader.Error:
				t.Output = "the grader could not judge this check (this is not your fault; tell your instructor):\n" + ch.Message
			}
			out.Tests = append(out.Tests, t)
		}
	}
	out.ExecutionTime = float64(ms) / 1000
	out.Output = fmt.Sprintf("%g of %g points", s.Score, s.MaxScore)
	if errs := s.Errors(); len(errs) > 0 {
		out.Output += fmt.Sprintf("; the grader could not judge %d exercise(s): %v", len(errs), errs)
	}
	return out
}

// Gradescope writes results.json for the only submission graded, or a list of them.
func Gradescope(w io.Writer, subs []*Submission, single bool) error {
	if single && len(subs) == 1 {
		return JSON(w, GradescopeFor(subs[0]))
	}
	list := []*GradescopeResults{}
	for _, s := range subs {
		list = append(list, GradescopeFor(s))
	}
	return JSON(w, list)
}
