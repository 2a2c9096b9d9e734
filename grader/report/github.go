package report

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/gocourse/gocourse/grader"
)

// GitHub's limits: it shows at most 10 error annotations of a step, and a step's
// summary may hold at most 1 MiB.
const (
	maxAnnotations = 10
	maxSummary     = 1000 << 10
	maxAnnotation  = 4 << 10
)

// GitHub writes GitHub Actions workflow commands: an ::error annotation for each
// check that did not pass (at most 10, GitHub's limit per step, then one ::warning
// saying how many more), located at the learner's file and line when the result
// has a Location and one workbook was graded. Messages are escaped as the Actions
// toolkit does, so they cannot start a command of their own.
func GitHub(w io.Writer, subs []*Submission, single bool) error {
	n, more := 0, 0
	for _, s := range subs {
		for _, r := range s.Exercises {
			for _, ch := range r.Checks {
				if ch.Status != grader.Fail && ch.Status != grader.Error {
					continue
				}
				if n == maxAnnotations {
					more++
					continue
				}
				n++
				title := r.ID + ": " + ch.Name + " " + string(ch.Status)
				if !single {
					title = s.Learner + ": " + title
				}
				props := []string{}
				if at := ch.Location; at != nil && single {
					props = append(props, "file="+escapeProperty(at.File), "line="+strconv.Itoa(at.Line))
				}
				props = append(props, "title="+escapeProperty(title))
				msg := ch.Message
				if msg == "" {
					msg = string(ch.Status)
				}
				if len(msg) > maxAnnotation {
					msg = msg[:maxAnnotation] + "\n... (cut)"
				}
				if _, err := fmt.Fprintf(w, "::error %s::%s\n", strings.Join(props, ","), escapeData(msg)); err != nil {
					return err
				}
			}
		}
	}
	if more > 0 {
		_, err := fmt.Fprintf(w, "::warning title=gocourse::%d more checks did not pass; the job summary lists every exercise\n", more)
		return err
	}
	return nil
}

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// Summary writes the markdown for $GITHUB_STEP_SUMMARY: for one workbook, a table
// of its exercises and the reason under each that did not pass; for a class, a
// table of learners with their score per exercise. It stays within GitHub's 1 MiB.
func Summary(w io.Writer, subs []*Submission, single bool) error {
	var b bytes.Buffer
	if single && len(subs) == 1 {
		s := subs[0]
		fmt.Fprintf(&b, "## gocourse: %s — %g/%g\n\n| exercise | status | score |\n|---|---|---|\n", mdCell(s.Learner), s.Score, s.MaxScore)
		for _, r := range s.Exercises {
			fmt.Fprintf(&b, "| %s | %s %s | %g/%g |\n", mdCell(r.ID), mark(r.Status), r.Status, r.Score, r.MaxScore)
		}
		for _, r := range s.Exercises {
			for _, ch := range r.Checks {
				if ch.Status != grader.Fail && ch.Status != grader.Error {
					continue
				}
				detail := fmt.Sprintf("\n<details><summary>%s: %s %s</summary>\n\n%s\n</details>\n", mdCell(r.ID), mdCell(ch.Name), ch.Status, fence(ch.Message))
				if b.Len()+len(detail) > maxSummary-200 {
					b.WriteString("\n(more details cut: GitHub keeps at most 1 MiB of summary)\n")
					return write(w, b.Bytes())
				}
				b.WriteString(detail)
			}
		}
		return write(w, b.Bytes())
	}
	ids := exerciseIDs(subs)
	fmt.Fprintf(&b, "## gocourse: %d learners\n\n| learner | score | max |", len(subs))
	for _, id := range ids {
		fmt.Fprintf(&b, " %s |", mdCell(id))
	}
	b.WriteString(" errors |\n|---|---|---|" + strings.Repeat("---|", len(ids)) + "---|\n")
	for _, s := range subs {
		row := fmt.Sprintf("| %s | %g | %g |", mdCell(s.Learner), s.Score, s.MaxScore)
		byID := map[string]*grader.Result{}
		for _, r := range s.Exercises {
			byID[r.ID] = r
		}
		for _, id := range ids {
			if r, ok := byID[id]; ok {
				row += fmt.Sprintf(" %s %g |", mark(r.Status), r.Score)
			} else {
				row += " |"
			}
		}
		row += " " + mdCell(strings.Join(s.Errors(), " ")) + " |\n"
		if b.Len()+len(row) > maxSummary-200 {
			b.WriteString("\n(more learners cut: GitHub keeps at most 1 MiB of summary; see the csv or json artifact)\n")
			break
		}
		b.WriteString(row)
	}
	return write(w, b.Bytes())
}

func write(w io.Writer, b []byte) error {
	_, err := w.Write(b)
	return err
}

func mark(s grader.Status) string {
	switch s {
	case grader.Pass:
		return "✅"
	case grader.Fail:
		return "❌"
	case grader.Error:
		return "⚠️"
	}
	return "➖"
}

// mdCell makes text safe in a markdown table cell: no pipes, no HTML, one line.
func mdCell(s string) string {
	return strings.NewReplacer("|", "\\|", "<", "&lt;", ">", "&gt;", "\n", " ", "`", "'").Replace(s)
}

// fence puts text in a fenced code block whose fence no line of it can close.
func fence(s string) string {
	f := "~~~"
	for strings.Contains(s, f) {
		f += "~"
	}
	return f + "text\n" + s + "\n" + f
}
