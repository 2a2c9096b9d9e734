package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/gocourse/gocourse/grader"
)

// CSV writes one row per learner: learner, score, max_score, then the score of each
// exercise (empty when it was not graded, "error" when the grader could not judge
// it), then the ids of the exercises in error. Cells that a spreadsheet would read
// as a formula are quoted with a leading apostrophe.
func CSV(w io.Writer, subs []*Submission) error {
	ids := exerciseIDs(subs)
	cw := csv.NewWriter(w)
	head := append([]string{"learner", "score", "max_score"}, ids...)
	head = append(head, "errors")
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, s := range subs {
		row := []string{cell(s.Learner), num(s.Score), num(s.MaxScore)}
		byID := map[string]*grader.Result{}
		for _, r := range s.Exercises {
			byID[r.ID] = r
		}
		for _, id := range ids {
			r, ok := byID[id]
			switch {
			case !ok:
				row = append(row, "")
			case r.Status == grader.Error:
				row = append(row, "error")
			default:
				row = append(row, num(r.Score))
			}
		}
		row = append(row, strings.Join(s.Errors(), " "))
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
