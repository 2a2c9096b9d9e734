// Package devcheck proves that the course is sound: the catalog is complete, every
// starter fails its checks as shipped, every reference solution passes them, and
// every mutant (a wrong answer a learner would write) fails with a message that
// names its mistake.
package devcheck

import (
	"bytes"
	"context"
	"fmt"
	"go/format"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/grader"
	"github.com/gocourse/gocourse/internal/render"
)

// Finding is the verdict on one exercise (or on the catalog, with an empty ID).
type Finding struct {
	ID       string
	Problems []string
	Starter  *grader.Result // nil when not run
	Solution *grader.Result
	Mutants  map[string]*grader.Result // by mutant folder name
}

// OK reports whether nothing is wrong.
func (f *Finding) OK() bool { return len(f.Problems) == 0 }

// Options tune a run.
type Options struct {
	Jobs     int              // exercises checked at once; 1 when zero
	Only     []string         // exercise ids to check; all when empty
	Progress func(f *Finding) // called as each exercise is judged
	Grader   func(grader.Options) grader.Options
}

// Catalog checks what can be checked without running anything: every exercise folder
// is listed in course.yaml, every exercise has hints, a lesson section, a solution and
// at least MinMutants mutants, each with a valid mutant.yaml, and solutions are
// gofmt-clean.
func Catalog(c *course.Course) []string {
	return catalog(c, c.Exercises())
}

// catalog checks the course as a whole and the given exercises one by one.
func catalog(c *course.Course, exercises []*course.Exercise) []string {
	var problems []string
	listed := map[string]bool{}
	for _, ex := range c.Exercises() {
		listed[ex.ID] = true
	}
	root := filepath.Join(c.Root, "exercises")
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "exercise.yaml" {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		if id := filepath.ToSlash(rel); !listed[id] {
			problems = append(problems, fmt.Sprintf("exercises/%s: not listed in %s", id, course.FileName))
		}
		return nil
	})
	lessons := map[string]string{}
	for _, l := range c.Lessons {
		data, err := os.ReadFile(filepath.Join(c.Root, filepath.FromSlash(l.Path())))
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: the lesson is missing", l.Path()))
			continue
		}
		lessons[l.ID] = string(data)
	}
	for _, ex := range exercises {
		problems = append(problems, exerciseProblems(c, ex, lessons)...)
	}
	return problems
}

func exerciseProblems(c *course.Course, ex *course.Exercise, lessons map[string]string) []string {
	var problems []string
	yml := path.Join(ex.Path(), "exercise.yaml")
	if len(ex.Hints) < 2 {
		problems = append(problems, fmt.Sprintf("%s: has %d hint(s); every exercise needs at least two", yml, len(ex.Hints)))
	}
	if ex.Section == "" {
		problems = append(problems, fmt.Sprintf("%s: names no lesson section", yml))
	} else if text, ok := lessons[ex.Lesson.ID]; ok && render.Section(text, ex.Section) == "" {
		problems = append(problems, fmt.Sprintf("%s: section %q is not a \"## \" heading of %s", yml, ex.Section, ex.Lesson.Path()))
	}
	mutants := Mutants(c, ex)
	if len(mutants) < MinMutants {
		problems = append(problems, fmt.Sprintf("%s/mutants: %d mutant(s); keep at least %d plausible wrong answers that the grader must fail", ex.SolutionPath(), len(mutants), MinMutants))
	}
	for _, m := range mutants {
		dir := path.Join(ex.SolutionPath(), "mutants", m)
		if _, err := LoadMutant(c, ex, m); err != nil {
			problems = append(problems, err.Error())
		}
		entries, _ := os.ReadDir(filepath.Join(c.Root, filepath.FromSlash(dir)))
		if !slices.ContainsFunc(entries, func(e os.DirEntry) bool { return slices.Contains(ex.Files, e.Name()) }) {
			problems = append(problems, fmt.Sprintf("%s: the mutant has none of the exercise's files", dir))
		}
		for _, e := range entries {
			if e.Name() != MutantFile && !slices.Contains(ex.Files, e.Name()) {
				problems = append(problems, fmt.Sprintf("%s/%s: not one of the exercise's files (%s), so the grader would never see it", dir, e.Name(), strings.Join(ex.Files, ", ")))
			}
		}
	}
	for _, f := range ex.Files {
		sol := path.Join(ex.SolutionPath(), f)
		data, err := os.ReadFile(filepath.Join(c.Root, filepath.FromSlash(sol)))
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: the reference solution is missing", sol))
			continue
		}
		if formatted, err := format.Source(data); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", sol, err))
		} else if !bytes.Equal(formatted, data) {
			problems = append(problems, fmt.Sprintf("%s: not gofmt-clean", sol))
		}
		if _, err := os.Stat(filepath.Join(c.Root, filepath.FromSlash(ex.Path()), f)); err != nil {
			problems = append(problems, fmt.Sprintf("%s/%s: the starter is missing", ex.Path(), f))
		}
	}
	return problems
}

// Mutants returns the names of the exercise's mutants: the folders under
// solutions/ID/mutants.
func Mutants(c *course.Course, ex *course.Exercise) []string {
	entries, _ := os.ReadDir(filepath.Join(c.Root, filepath.FromSlash(ex.SolutionPath()), "mutants"))
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	return names
}

// Run checks the catalog, then grades every starter (which must fail), every
// solution (which must pass) and every mutant (which must fail as its mutant.yaml
// says), opts.Jobs exercises at a time. With opts.Only, the catalog's checks of
// single exercises cover only those. Findings come back in course order, the
// catalog's first.
func Run(ctx context.Context, c *course.Course, opts Options) ([]*Finding, error) {
	exercises := c.Exercises()
	if len(opts.Only) > 0 {
		exercises = nil
		for _, id := range opts.Only {
			ex, err := c.Exercise(id)
			if err != nil {
				return nil, err
			}
			exercises = append(exercises, ex)
		}
	}
	findings := []*Finding{{ID: "", Problems: catalog(c, exercises)}}
	if opts.Progress != nil {
		opts.Progress(findings[0])
	}
	jobs := max(opts.Jobs, 1)
	results := make([]*Finding, len(exercises))
	var g errgroup.Group
	g.SetLimit(jobs)
	var mu sync.Mutex
	for i, ex := range exercises {
		g.Go(func() error {
			f := judge(ctx, c, ex, opts)
			results[i] = f
			if opts.Progress != nil {
				mu.Lock()
				opts.Progress(f)
				mu.Unlock()
			}
			return nil
		})
	}
	g.Wait()
	return append(findings, results...), nil
}

func judge(ctx context.Context, c *course.Course, ex *course.Exercise, opts Options) *Finding {
	f := &Finding{ID: ex.ID}
	gopts := grader.Options{}
	if opts.Grader != nil {
		gopts = opts.Grader(gopts)
	}
	// A starter and a mutant need only be shown to fail: the first failing check
	// is enough. The solution runs every check.
	failFast := gopts
	failFast.FailFast = true
	f.Starter = grader.Check(ctx, c, ex, failFast)
	switch f.Starter.Status {
	case grader.Pass:
		f.Problems = append(f.Problems, "the starter passes its checks as shipped; it must fail")
	case grader.Error:
		f.Problems = append(f.Problems, "the starter could not be checked: "+firstMessage(f.Starter))
	}
	gopts.Solution = true
	f.Solution = grader.Check(ctx, c, ex, gopts)
	if f.Solution.Status != grader.Pass {
		f.Problems = append(f.Problems, "the reference solution does not pass: "+firstMessage(f.Solution))
	}
	for _, name := range Mutants(c, ex) {
		m, err := LoadMutant(c, ex, name)
		if err != nil {
			continue // the catalog reports it
		}
		// A mutant runs only the checks that must catch it, each to the end, so
		// that every one is shown to fail with a message naming the mistake. One
		// that declares none runs every check, to show the author what they say.
		mopts := gopts
		mopts.Mutant = name
		mex := ex
		if len(m.Fails) > 0 {
			mex = only(ex, m.Fails)
		}
		r := grader.Check(ctx, c, mex, mopts)
		// The test check runs on real cores, where a mistake that shows on
		// some schedules only may slip through one run: such a mutant is
		// caught when one of realTries gradings catches it. The simulator's
		// checks are deterministic and are judged as they come.
		for try := 1; try < realTries && len(m.Fails["test"]) > 0 && r.Status != grader.Error && len(mutantProblems(m, r)) > 0; try++ {
			r = grader.Check(ctx, c, mex, mopts)
		}
		if f.Mutants == nil {
			f.Mutants = map[string]*grader.Result{}
		}
		f.Mutants[name] = r
		switch {
		case len(m.Fails) == 0:
			f.Problems = append(f.Problems, undeclared(m, r))
		case r.Status == grader.Error:
			f.Problems = append(f.Problems, "mutant "+name+" could not be checked: "+firstMessage(r))
		default:
			f.Problems = append(f.Problems, mutantProblems(m, r)...)
		}
	}
	return f
}

// realTries is how many gradings a mutant that must fail the real test gets
// to show it (see judge).
const realTries = 3

// firstMessage returns the message of the first check that could not run, or
// else of the first that failed.
func firstMessage(r *grader.Result) string {
	// A check the grader could not run says more than one that merely failed.
	for _, want := range []grader.Status{grader.Error, grader.Fail} {
		for _, ch := range r.Checks {
			if ch.Status == want {
				return ch.Name + ": " + strings.SplitN(ch.Message, "\n", 4)[0]
			}
		}
	}
	return string(r.Status)
}

// FailedChecks names the checks of a result that did not pass, e.g. "test, leak".
func FailedChecks(r *grader.Result) string {
	var names []string
	for _, ch := range r.Checks {
		if ch.Status == grader.Fail || ch.Status == grader.Error {
			names = append(names, ch.Name)
		}
	}
	return strings.Join(names, ", ")
}
