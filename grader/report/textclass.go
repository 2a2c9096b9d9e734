package report

import (
	"fmt"
	"io"

	"github.com/gocourse/gocourse/grader"
)

// TextClass writes a class for a person: per learner a total, then per exercise its
// status and score with the checks beneath, as Text shows them.
func TextClass(w io.Writer, subs []*Submission, single bool) error {
	for i, s := range subs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		if !single || s.Learner != "" {
			fmt.Fprintf(w, "%s: %g/%g\n", s.Learner, s.Score, s.MaxScore)
		}
		for _, r := range s.Exercises {
			fmt.Fprintf(w, "%s %s %g/%g\n", r.ID, r.Status, r.Score, r.MaxScore)
			if r.Status != grader.Pass {
				Text(w, r)
			}
		}
	}
	return nil
}
