// Package report writes grader results for people and for machines.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"

	"github.com/gocourse/gocourse/grader"
)

// Text writes a result as a person reads it in a terminal: one line per check with a
// mark, and the reason under each check that did not pass.
func Text(w io.Writer, r *grader.Result) {
	for _, ch := range r.Checks {
		mark, paint := "✓", color.New(color.FgGreen)
		switch ch.Status {
		case grader.Fail:
			mark, paint = "✗", color.New(color.FgRed)
		case grader.Error:
			mark, paint = "!", color.New(color.FgYellow)
		case grader.Skip:
			mark, paint = "-", color.New(color.Faint)
		}
		paint.Fprintf(w, "  %s %-6s", mark, ch.Name)
		fmt.Fprintf(w, " %s\n", ch.Status)
		if ch.Message != "" && ch.Status != grader.Pass && ch.Status != grader.Skip {
			for _, line := range strings.Split(ch.Message, "\n") {
				fmt.Fprintf(w, "      %s\n", line)
			}
		}
	}
}

// JSON writes a value as indented JSON followed by a newline.
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
