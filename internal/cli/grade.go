package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/fatih/color"
	"github.com/spf13/cobra"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/grader"
	"github.com/gocourse/gocourse/grader/report"
)

type gradeOptions struct {
	io          *IO
	g           *globals
	submission  string
	submissions string
	exercises   []string
	format      string
	out         string
	summary     string
	shard       string
	jobs        int
	cache       string
}

func newGradeCmd(io *IO, g *globals) *cobra.Command {
	opts := &gradeOptions{io: io, g: g}
	cmd := &cobra.Command{
		Use:   "grade (--submission DIR | --submissions DIR)",
		Short: "Grade learners' workbooks, for instructors and CI",
		Long: `Grade checks other people's workbooks against this checkout's course: its catalog,
its pristine tests, go.mod and go.sum. Only the files a learner edits are taken from a
workbook; the learner's code runs with time, memory, process and output limits, and
where the machine allows it without the network and without sight of the course.

--submission DIR grades one workbook (a checkout of the course with a learner's
edits); --submissions DIR grades every folder in DIR, one per learner. --shard I/N
grades the I-th of N slices (of the learners, or of the exercises of one workbook);
"gocourse grade merge" joins the json files of the slices.

What has the same content (an untouched starter, identical files) is graded once per
run; --cache DIR keeps the results in DIR, so that a later run grades only what
changed. A cached result is what the first grading of those files gave (see
docs/grading.md).

The exit status is 0 when every exercise was judged, whatever the scores, and 1 when
the grader could not judge one (its result then has status "error").`,
		Example: `  gocourse grade --submission ../alice
  gocourse grade --submissions classroom/ --format csv --out grades.csv
  gocourse grade --submissions classroom/ --cache grade-cache/ --format csv --out grades.csv
  gocourse grade --submissions classroom/ --shard 2/4 --format json --out shard-2.json
  gocourse grade merge shard-*.json --submissions classroom/ --format junit --out grades.xml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runGrade(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.submission, "submission", "", "one learner's workbook")
	f.StringVar(&opts.submissions, "submissions", "", "a folder with one workbook per learner")
	f.StringArrayVar(&opts.exercises, "exercise", nil, "grade this exercise (repeatable; default: every exercise)")
	addOutputFlags(f, &opts.format, &opts.out, &opts.summary)
	f.StringVar(&opts.shard, "shard", "", "grade only slice I of N (I/N, from 1/N to N/N)")
	f.IntVar(&opts.jobs, "jobs", max(1, runtime.NumCPU()/2), "exercises graded at once")
	f.StringVar(&opts.cache, "cache", "", "keep results in this folder, by the content graded, for later runs (docs/grading.md)")
	cmd.AddCommand(newGradeMergeCmd(io, g))
	return cmd
}

type flagSet interface {
	StringVar(p *string, name, value, usage string)
}

func addOutputFlags(f flagSet, format, out, summary *string) {
	f.StringVar(format, "format", "text", "output format: "+strings.Join(report.Formats, ", "))
	f.StringVar(out, "out", "", "write the output to this file (exercism with several results: a folder) instead of stdout")
	f.StringVar(summary, "summary", "", "github format: append the markdown summary to this file (default $GITHUB_STEP_SUMMARY)")
}

// learner is one workbook to grade.
type learner struct {
	name string
	dir  string
}

func runGrade(ctx context.Context, opts *gradeOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if (opts.submission == "") == (opts.submissions == "") {
		return &badUsage{errors.New("give one of --submission DIR (one workbook) or --submissions DIR (one folder per learner)")}
	}
	if !slices.Contains(report.Formats, opts.format) {
		return &badUsage{fmt.Errorf("unknown format %q (want %s)", opts.format, strings.Join(report.Formats, ", "))}
	}
	shard, of, err := parseShard(opts.shard)
	if err != nil {
		return &badUsage{err}
	}
	c, err := opts.g.loadCourse()
	if err != nil {
		return err
	}
	exercises, err := chosenExercises(c, opts.exercises)
	if err != nil {
		return err
	}
	single := opts.submission != ""
	learners, hide, err := opts.learners()
	if err != nil {
		return err
	}
	for _, l := range learners {
		if sameFolder(l.dir, c.Root) {
			return fmt.Errorf("%s is the course's own checkout: grade a copy with the learner's edits", l.dir)
		}
	}

	if !grader.Isolated() {
		fmt.Fprintf(opts.io.Err, "gocourse: sandbox: %s\n", grader.Isolation())
	}
	cache, err := grader.NewCache(opts.cache)
	if err != nil {
		return err
	}
	workbooks := make([]grader.Workbook, len(learners))
	for i, l := range learners {
		workbooks[i] = grader.Workbook{Name: l.name, Dir: l.dir}
	}
	results, err := grader.Grade(ctx, c, workbooks, exercises, grader.ClassOptions{
		Options: grader.Options{Hide: hide, Command: program},
		Jobs:    opts.jobs, Shard: shard, Of: of, ShardExercises: single, Cache: cache,
		Graded: opts.graded,
	})
	if err != nil {
		return err
	}

	return printGrades(opts, learners, results, single)
}

// printGrades writes the grades of the learners that have results (the one
// workbook's always) in the chosen format; the exit status is 1 when a
// result is a grader error.
func printGrades(opts *gradeOptions, learners []learner, results [][]*grader.Result, single bool) error {
	var subs []*report.Submission
	for li, l := range learners {
		if len(results[li]) > 0 || (single && li == 0) {
			subs = append(subs, report.NewSubmission(l.name, results[li]))
		}
	}
	if err := writeGrades(opts.io, opts.format, opts.out, opts.summary, subs, single); err != nil {
		return err
	}
	for _, s := range subs {
		if len(s.Errors()) > 0 {
			return &ExitError{Code: 1}
		}
	}
	return nil
}

// graded says on stderr that one exercise of one workbook is graded.
func (opts *gradeOptions) graded(w grader.Workbook, ex *course.Exercise, res *grader.Result, cached bool) {
	how := ""
	if cached {
		how = " (cached)"
	}
	fmt.Fprintf(opts.io.Err, "graded %s %s: %s %g/%g%s\n", w.Name, ex.ID, res.Status, res.Score, res.MaxScore, how)
}

// chosenExercises returns the exercises of ids, each once, in their order; the
// whole course when there are none.
func chosenExercises(c *course.Course, ids []string) ([]*course.Exercise, error) {
	if len(ids) == 0 {
		return c.Exercises(), nil
	}
	var exercises []*course.Exercise
	for _, id := range ids {
		ex, err := c.Exercise(id)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(exercises, ex) {
			exercises = append(exercises, ex)
		}
	}
	return exercises, nil
}

// learners returns the workbooks to grade (--submission's one, or one per
// folder of --submissions) and the folders their code must not see.
func (opts *gradeOptions) learners() ([]learner, []string, error) {
	if opts.submission != "" {
		dir, err := filepath.Abs(opts.submission)
		if err != nil {
			return nil, nil, fmt.Errorf("--submission: %w", err)
		}
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return nil, nil, fmt.Errorf("--submission %s: not a folder", opts.submission)
		}
		return []learner{{filepath.Base(dir), dir}}, []string{dir}, nil
	}
	dir, err := filepath.Abs(opts.submissions)
	if err != nil {
		return nil, nil, fmt.Errorf("--submissions: %w", err)
	}
	learners, err := listLearners(dir)
	if err != nil {
		return nil, nil, err
	}
	return learners, []string{dir}, nil
}

// parseShard reads "I/N"; "" is the whole, 1/1.
func parseShard(s string) (int, int, error) {
	if s == "" {
		return 1, 1, nil
	}
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return 0, 0, fmt.Errorf("--shard %q: want I/N with 1 <= I <= N, e.g. 2/4", s)
	}
	return i, n, nil
}

// listLearners returns the folders of dir, one per learner, by name.
func listLearners(dir string) ([]learner, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("--submissions: %w", err)
	}
	var ls []learner
	for _, e := range ents {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		ls = append(ls, learner{e.Name(), filepath.Join(dir, e.Name())})
	}
	if len(ls) == 0 {
		return nil, fmt.Errorf("--submissions %s: no learner's folder in it", dir)
	}
	return ls, nil
}

func sameFolder(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

// loadCourse finds and reads the course catalog, without a learner's progress.
func (g *globals) loadCourse() (*course.Course, error) {
	dir := g.courseDir
	if dir == "" {
		dir = os.Getenv("GOCOURSE_ROOT")
	}
	var err error
	if dir == "" {
		if dir, err = os.Getwd(); err != nil {
			return nil, err
		}
		if dir, err = course.FindRoot(dir); err != nil {
			return nil, err
		}
	}
	return grader.Load(dir)
}

// writeGrades writes a class in a format to out (stdout when empty). The exercism
// format with several results writes out/LEARNER/EXERCISE/results.json; the github
// format appends its markdown summary to summary or $GITHUB_STEP_SUMMARY.
func writeGrades(io *IO, format, out, summary string, subs []*report.Submission, single bool) error {
	if format == "exercism" && out != "" {
		entries := report.ExercismEntries(subs)
		if len(entries) > 1 {
			for _, e := range entries {
				dir := filepath.Join(out, filepath.FromSlash(e.Exercise))
				if !single {
					dir = filepath.Join(out, e.Learner, filepath.FromSlash(e.Exercise))
				}
				var b bytes.Buffer
				if err := report.JSON(&b, e.Results); err != nil {
					return err
				}
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(dir, "results.json"), b.Bytes(), 0o644); err != nil {
					return err
				}
			}
			return nil
		}
	}
	if summary == "" {
		summary = os.Getenv("GITHUB_STEP_SUMMARY")
	}
	var sum bytes.Buffer
	var w bytes.Buffer
	if out != "" || format != "text" {
		// A file or a machine format gets no colour. The reporters paint with
		// fatih/color, which reads its package switch: set for this write
		// alone, and put back as it was.
		defer func(was bool) { color.NoColor = was }(color.NoColor)
		color.NoColor = true
	}
	if err := report.Write(&w, format, subs, single, &sum); err != nil {
		return err
	}
	if format == "github" && summary != "" {
		if err := appendFile(summary, sum.Bytes()); err != nil {
			return err
		}
	}
	if out == "" {
		_, err := io.Out.Write(w.Bytes())
		return err
	}
	return os.WriteFile(out, w.Bytes(), 0o644)
}

func appendFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

type gradeMergeOptions struct {
	io          *IO
	g           *globals
	files       []string
	submissions string
	format      string
	out         string
	summary     string
}

func newGradeMergeCmd(io *IO, g *globals) *cobra.Command {
	opts := &gradeMergeOptions{io: io, g: g}
	cmd := &cobra.Command{
		Use:   "merge FILE...",
		Short: "Join the json results of grading shards into one class",
		Long: `Merge reads the json files that "gocourse grade --shard I/N --format json" wrote and
writes the whole class in any format, learners by name and exercises in course order,
as one unsharded run would.

A result that is missing is never silently dropped: with --submissions DIR, every
learner's folder in DIR must be in some shard, and every learner must have every
exercise that any learner has; what is missing becomes an "error" result, and the
exit status is 1.`,
		Example: `  gocourse grade merge shard-*.json --submissions classroom/ --format csv --out grades.csv`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			return runGradeMerge(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.submissions, "submissions", "", "the folder of every learner's workbook: each must have results")
	addOutputFlags(f, &opts.format, &opts.out, &opts.summary)
	return cmd
}

func runGradeMerge(opts *gradeMergeOptions) error {
	if !slices.Contains(report.Formats, opts.format) {
		return fmt.Errorf("unknown format %q (want %s)", opts.format, strings.Join(report.Formats, ", "))
	}
	var shards [][]*report.Submission
	single := true
	for _, name := range opts.files {
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		subs, err := report.ReadJSON(bytes.NewReader(data))
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if !strings.HasPrefix(strings.TrimSpace(string(data)), "{") {
			single = false
		}
		shards = append(shards, subs)
	}
	var order []string
	if c, err := opts.g.loadCourse(); err == nil {
		for _, ex := range c.Exercises() {
			order = append(order, ex.ID)
		}
	}
	subs, err := report.Merge(order, shards...)
	if err != nil {
		return err
	}
	if opts.submissions != "" {
		learners, err := listLearners(opts.submissions)
		if err != nil {
			return err
		}
		have := map[string]bool{}
		for _, s := range subs {
			have[s.Learner] = true
		}
		var missing [][]*report.Submission
		for _, l := range learners {
			if !have[l.name] {
				missing = append(missing, []*report.Submission{{Learner: l.name}})
			}
		}
		if subs, err = report.Merge(order, append([][]*report.Submission{subs}, missing...)...); err != nil {
			return err
		}
	}
	single = single && len(subs) == 1
	fillMissing(subs)
	if subs, err = report.Merge(order, subs); err != nil {
		return err
	}
	if err := writeGrades(opts.io, opts.format, opts.out, opts.summary, subs, single); err != nil {
		return err
	}
	for _, s := range subs {
		if len(s.Errors()) > 0 {
			return &ExitError{Code: 1}
		}
	}
	return nil
}

// fillMissing gives every learner an "error" result for each exercise that another
// learner has and they have not: a shard that did not report is never a silent zero.
func fillMissing(subs []*report.Submission) {
	maxScore := map[string]float64{}
	var ids []string
	for _, s := range subs {
		for _, r := range s.Exercises {
			if _, ok := maxScore[r.ID]; !ok {
				ids = append(ids, r.ID)
			}
			maxScore[r.ID] = max(maxScore[r.ID], r.MaxScore)
		}
	}
	for i, s := range subs {
		var results []*grader.Result
		for _, id := range ids {
			idx := slices.IndexFunc(s.Exercises, func(r *grader.Result) bool { return r.ID == id })
			if idx >= 0 {
				results = append(results, s.Exercises[idx])
				continue
			}
			results = append(results, &grader.Result{ID: id, Status: grader.Error, MaxScore: maxScore[id], Checks: []grader.CheckResult{{
				Name: "grade", Status: grader.Error, Weight: maxScore[id],
				Message: "no result for this learner and exercise in the merged files: did a shard fail?",
			}}})
		}
		if len(results) != len(s.Exercises) {
			subs[i] = report.NewSubmission(s.Learner, results)
		}
	}
}
