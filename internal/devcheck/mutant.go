package devcheck

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/grader"
)

// MutantFile is the file in a mutant's folder that says what the mutant gets
// wrong and how the grader must show it.
const MutantFile = "mutant.yaml"

// MinMutants is how many wrong answers every exercise keeps at least.
const MinMutants = 2

// Mutant is a mutant's mutant.yaml: the mistake a learner makes, in one line,
// and, for each check that must catch it, a phrase that check's message must
// contain, so that the learner who makes the mistake is told what it is.
// Where a check can name the same mistake in more than one true way (the race
// detector, or the wrong result the race produced, whichever comes first), a
// list of phrases says that any one of them will do.
//
//	mistake: waits with time.Sleep instead of a WaitGroup
//	fails:
//	  test: Greet must wait for its goroutines
//	  sim: [data race, did not see the values of their own iteration]
type Mutant struct {
	Name    string             `yaml:"-"`
	Mistake string             `yaml:"mistake"`
	Fails   map[string]Phrases `yaml:"fails"`
	// StaticOnly, for a mutant that only a static check can catch, says why
	// no run of the code can: a known limit of what the checks can see,
	// written down rather than hidden.
	StaticOnly string `yaml:"static-only"`
}

// Phrases are the phrases of which a check's message must contain one.
type Phrases []string

// UnmarshalYAML accepts one phrase or a list of them.
func (p *Phrases) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*p = Phrases{n.Value}
		return nil
	}
	var list []string
	if err := n.Decode(&list); err != nil {
		return err
	}
	*p = list
	return nil
}

// String quotes the phrases for a message.
func (p Phrases) String() string {
	q := make([]string, len(p))
	for i, s := range p {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, " or ")
}

// in reports whether msg contains one of the phrases.
func (p Phrases) in(msg string) bool {
	return slices.ContainsFunc(p, func(s string) bool { return strings.Contains(msg, s) })
}

// textChecks judge only a program's text, by the course's own rules. A mutant
// that only they catch has not been shown wrong by what it does.
var textChecks = []string{"static"}

// LoadMutant reads and validates the mutant.yaml of one of ex's mutants.
func LoadMutant(c *course.Course, ex *course.Exercise, name string) (*Mutant, error) {
	file := path.Join(ex.SolutionPath(), "mutants", name, MutantFile)
	data, err := os.ReadFile(filepath.Join(c.Root, filepath.FromSlash(file)))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: missing; say what the mutant gets wrong (mistake:) and what its failure must mention (fails:)", file)
	}
	if err != nil {
		return nil, fmt.Errorf("reading mutant: %w", err)
	}
	m := &Mutant{Name: name}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(m); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %s", file, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if strings.TrimSpace(m.Mistake) == "" || strings.Contains(strings.TrimSpace(m.Mistake), "\n") {
		return nil, fmt.Errorf("%s: mistake: must say in one line what the mutant gets wrong", file)
	}
	kinds := map[string]bool{}
	for _, ch := range ex.Checks {
		kinds[ch.Kind] = true
	}
	behaviour := false
	for _, kind := range slices.Sorted(maps.Keys(m.Fails)) {
		if !kinds[kind] {
			return nil, fmt.Errorf("%s: fails: %s: the exercise has no %s check", file, kind, kind)
		}
		if len(m.Fails[kind]) == 0 || slices.ContainsFunc(m.Fails[kind], func(s string) bool { return strings.TrimSpace(s) == "" }) {
			return nil, fmt.Errorf("%s: fails: %s: give a phrase the check's message must contain", file, kind)
		}
		behaviour = behaviour || !slices.Contains(textChecks, kind)
	}
	if m.StaticOnly != "" && behaviour {
		return nil, fmt.Errorf("%s: static-only: the mutant is caught by a check that runs the code; drop static-only", file)
	}
	if len(m.Fails) > 0 && !behaviour && m.StaticOnly == "" {
		return nil, fmt.Errorf("%s: fails: names only %s; a check that runs the code (test, sim, timing, output) or the compiler must catch the mistake too (a rule about the text teaches the rule, not the mistake), or static-only: must say why none can",
			file, strings.Join(textChecks, ", "))
	}
	return m, nil
}

// only returns a copy of ex that runs only the build check and the checks of
// the given kinds, so that each of them is shown to fail on its own, whatever
// the others do.
func only(ex *course.Exercise, kinds map[string]Phrases) *course.Exercise {
	cp := *ex
	cp.Checks = nil
	for _, ch := range ex.Checks {
		if _, ok := kinds[ch.Kind]; ok || ch.Kind == "build" {
			cp.Checks = append(cp.Checks, ch)
		}
	}
	return &cp
}

// mutantProblems says how a graded mutant falls short of its mutant.yaml: a
// declared check that did not fail, or failed without mentioning the mistake.
func mutantProblems(m *Mutant, r *grader.Result) []string {
	var problems []string
	for _, kind := range slices.Sorted(maps.Keys(m.Fails)) {
		want := m.Fails[kind]
		var got []grader.CheckResult
		for _, ch := range r.Checks {
			if ch.Name == kind {
				got = append(got, ch)
			}
		}
		caught := slices.ContainsFunc(got, func(ch grader.CheckResult) bool {
			return ch.Status == grader.Fail && want.in(ch.Message)
		})
		if caught {
			continue
		}
		switch {
		case len(got) == 0 || got[0].Status == grader.Skip:
			problems = append(problems, fmt.Sprintf("mutant %s (%s): the %s check did not run: %s", m.Name, m.Mistake, kind, firstMessage(r)))
		case got[0].Status == grader.Pass:
			problems = append(problems, fmt.Sprintf("mutant %s (%s): passes the %s check; it must fail it", m.Name, m.Mistake, kind))
		default:
			problems = append(problems, fmt.Sprintf("mutant %s (%s): the %s check %ss without mentioning %s:\n%s",
				m.Name, m.Mistake, kind, got[0].Status, want, indent(firstLines(got[0].Message, 4))))
		}
	}
	return problems
}

// undeclared describes every check a mutant without fails: in its mutant.yaml
// fails, so that the author can declare what the failure must mention.
func undeclared(m *Mutant, r *grader.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "mutant %s (%s): its %s declares no fails:; the checks that fail it say:", m.Name, m.Mistake, MutantFile)
	for _, ch := range r.Checks {
		if ch.Status == grader.Fail || ch.Status == grader.Error {
			fmt.Fprintf(&b, "\n  %s (%s):\n%s", ch.Name, ch.Status, indent(firstLines(ch.Message, 8)))
		}
	}
	if r.Status == grader.Pass {
		b.WriteString(" none: it passes every check")
	}
	return b.String()
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(strings.TrimSpace(s), "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}
