package report

import (
	"io"

	"github.com/gocourse/gocourse/grader"
)

// ExercismResults is Exercism's test-runner results.json, version 3, for one
// exercise: one test per check.
type ExercismResults struct {
	Version int            `json:"version"`
	Status  string         `json:"status"`            // pass, fail or error
	Message string         `json:"message,omitempty"` // only with status error
	Tests   []ExercismTest `json:"tests"`
}

// ExercismTest is one check as an Exercism test.
type ExercismTest struct {
	Name     string `json:"name"`
	Status   string `json:"status"` // pass, fail or error
	Message  string `json:"message,omitempty"`
	TestCode string `json:"test_code"`
}

// ExercismFor converts one exercise's result.
func ExercismFor(r *grader.Result) *ExercismResults {
	out := &ExercismResults{Version: 3, Status: exercismStatus(r.Status), Tests: []ExercismTest{}}
	for _, ch := range r.Checks {
		t := ExercismTest{Name: ch.Name, Status: exercismStatus(ch.Status), Message: ch.Message, TestCode: r.ID + ": " + ch.Name}
		if ch.Status == grader.Pass {
			t.Message = ""
		}
		out.Tests = append(out.Tests, t)
		if ch.Status == grader.Error && out.Message == "" {
			out.Message = ch.Name + ": " + ch.Message
		}
	}
	if out.Status == "error" && out.Message == "" {
		out.Message = "the grader could not judge this exercise"
	}
	if out.Status != "error" {
		out.Message = ""
	}
	return out
}

func exercismStatus(s grader.Status) string {
	switch s {
	case grader.Pass:
		return "pass"
	case grader.Error:
		return "error"
	}
	return "fail" // a skipped check did not pass
}

// ExercismEntry names the learner and exercise of one results.json.
type ExercismEntry struct {
	Learner  string           `json:"learner"`
	Exercise string           `json:"exercise"`
	Results  *ExercismResults `json:"results"`
}

// ExercismEntries converts a class: one results.json per learner and exercise.
func ExercismEntries(subs []*Submission) []ExercismEntry {
	var out []ExercismEntry
	for _, s := range subs {
		for _, r := range s.Exercises {
			out = append(out, ExercismEntry{Learner: s.Learner, Exercise: r.ID, Results: ExercismFor(r)})
		}
	}
	return out
}

// Exercism writes the results.json of the only exercise graded, or, when there are
// several, one line per learner and exercise holding {learner, exercise, results}
// (`gocourse grade --out DIR` writes them as DIR/LEARNER/EXERCISE/results.json).
func Exercism(w io.Writer, subs []*Submission) error {
	entries := ExercismEntries(subs)
	if len(entries) == 1 {
		return JSON(w, entries[0].Results)
	}
	for _, e := range entries {
		if err := compactJSON(w, e); err != nil {
			return err
		}
	}
	return nil
}
