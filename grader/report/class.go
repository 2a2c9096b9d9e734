package report

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/gocourse/gocourse/grader"
)

// Submission is the grade of one learner's workbook: the result of every exercise
// graded, and their totals. It is what the json format writes (one object for one
// submission, a list for a class), and what `gocourse grade merge` reads back.
type Submission struct {
	Learner   string           `json:"learner"`
	Score     float64          `json:"score"`
	MaxScore  float64          `json:"max_score"`
	Exercises []*grader.Result `json:"exercises"`
}

// NewSubmission totals the results of one learner.
func NewSubmission(learner string, results []*grader.Result) *Submission {
	s := &Submission{Learner: learner, Exercises: results}
	s.total()
	return s
}

func (s *Submission) total() {
	s.Score, s.MaxScore = 0, 0
	for _, r := range s.Exercises {
		s.Score += r.Score
		s.MaxScore += r.MaxScore
	}
}

// Errors returns the ids of the exercises that the grader could not judge.
func (s *Submission) Errors() []string {
	var ids []string
	for _, r := range s.Exercises {
		if r.Status == grader.Error {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// ReadJSON reads what the json format wrote: one submission or a list of them.
func ReadJSON(r io.Reader) ([]*Submission, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	trimmed := strings.TrimSpace(string(data))
	if strings.HasPrefix(trimmed, "{") {
		var s Submission
		if err := strictUnmarshal(data, &s); err != nil {
			return nil, err
		}
		return []*Submission{&s}, nil
	}
	var list []*Submission
	if err := strictUnmarshal(data, &list); err != nil {
		return nil, err
	}
	return list, nil
}

func strictUnmarshal(data []byte, v any) error {
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("not a gocourse grade (json format): %w", err)
	}
	return nil
}

// Merge joins the submissions of several shards into one class: a learner graded
// in several shards gets the union of their exercises (an exercise graded twice is
// an error), learners come in name order and exercises in the order of the given
// ids (course order; ids not in it go last, by name). Totals are recomputed.
func Merge(order []string, shards ...[]*Submission) ([]*Submission, error) {
	byName := map[string]*Submission{}
	var names []string
	for _, shard := range shards {
		for _, s := range shard {
			m := byName[s.Learner]
			if m == nil {
				m = &Submission{Learner: s.Learner}
				byName[s.Learner] = m
				names = append(names, s.Learner)
			}
			for _, r := range s.Exercises {
				if slices.ContainsFunc(m.Exercises, func(o *grader.Result) bool { return o.ID == r.ID }) {
					return nil, fmt.Errorf("learner %q: exercise %s graded twice (overlapping shards?)", s.Learner, r.ID)
				}
				m.Exercises = append(m.Exercises, r)
			}
		}
	}
	slices.Sort(names)
	pos := map[string]int{}
	for i, id := range order {
		pos[id] = i
	}
	rank := func(id string) int {
		if p, ok := pos[id]; ok {
			return p
		}
		return len(order)
	}
	out := make([]*Submission, 0, len(names))
	for _, n := range names {
		s := byName[n]
		slices.SortStableFunc(s.Exercises, func(a, b *grader.Result) int {
			if ra, rb := rank(a.ID), rank(b.ID); ra != rb {
				return ra - rb
			}
			return strings.Compare(a.ID, b.ID)
		})
		s.total()
		out = append(out, s)
	}
	return out, nil
}

// exerciseIDs returns the ids of every exercise graded in the class, in the order
// they first appear.
func exerciseIDs(subs []*Submission) []string {
	var ids []string
	seen := map[string]bool{}
	for _, s := range subs {
		for _, r := range s.Exercises {
			if !seen[r.ID] {
				seen[r.ID] = true
				ids = append(ids, r.ID)
			}
		}
	}
	return ids
}

// Formats are the names Write accepts.
var Formats = []string{"text", "json", "exercism", "junit", "gradescope", "github", "csv"}

// Write writes a class in one of Formats. single says that one learner's workbook
// was graded: formats that are per learner (json, gradescope) then write one object
// rather than a list. The github format writes its annotations to w and its
// markdown summary to summary, when summary is not nil.
func Write(w io.Writer, format string, subs []*Submission, single bool, summary io.Writer) error {
	switch format {
	case "text":
		return TextClass(w, subs, single)
	case "json":
		if single && len(subs) == 1 {
			return JSON(w, subs[0])
		}
		if subs == nil {
			subs = []*Submission{}
		}
		return JSON(w, subs)
	case "exercism":
		return Exercism(w, subs)
	case "junit":
		return JUnit(w, subs, single)
	case "gradescope":
		return Gradescope(w, subs, single)
	case "github":
		if err := GitHub(w, subs, single); err != nil {
			return err
		}
		if summary != nil {
			return Summary(summary, subs, single)
		}
		return nil
	case "csv":
		return CSV(w, subs)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

func compactJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
