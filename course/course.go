// Package course reads the course catalog: course.yaml at the root of a checkout, one
// exercise.yaml per exercise, and the lessons they point to.
//
// The catalog is data in the checkout, not in the binary: a learner's workbook is the
// checkout itself (as in rustlings), and an instructor grades other people's workbooks
// against the catalog of their own checkout.
//
// The catalog knows no kind of check: Load reads what every check has (its kind and
// weight) and keeps the rest of its entry, which the grader decodes with
// Check.Decode into the settings type of the kind (grader.Load does it for every
// check when the catalog is read).
package course

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// FileName is the name of the catalog file at the root of a course checkout.
const FileName = "course.yaml"

// Course is the whole catalog in course order.
type Course struct {
	Root    string // absolute path of the checkout
	Title   string
	Lessons []*Lesson
}

// Lesson is one lesson of the course and its exercises, in order.
type Lesson struct {
	ID        string // folder name under lessons/ and exercises/, e.g. "01-goroutines"
	Title     string
	Exercises []*Exercise
}

// Path returns the lesson's markdown file relative to the course root.
func (l *Lesson) Path() string { return path.Join("lessons", l.ID, "README.md") }

// Exercise is one exercise as described by its exercise.yaml.
type Exercise struct {
	ID      string // "LESSON/NAME"
	Lesson  *Lesson
	Title   string
	Kind    string   // implement, fix, timing or predict
	Section string   // a "## " heading of the lesson
	Files   []string // the files the learner edits
	Hints   []string
	Checks  []Check
}

// Path returns the exercise folder relative to the course root, slash-separated.
func (e *Exercise) Path() string { return path.Join("exercises", e.ID) }

// SolutionPath returns the folder of the reference solution relative to the course root.
func (e *Exercise) SolutionPath() string { return path.Join("solutions", e.ID) }

// Name returns the last element of the exercise's id.
func (e *Exercise) Name() string { return path.Base(e.ID) }

// Check is one check of an exercise: the kind that runs it, its weight, and its
// settings, the rest of its exercise.yaml entry. The catalog knows no kind of
// check: the grader decodes a check's settings with Decode into the type its
// kind declares, and fills in and validates them.
type Check struct {
	Kind   string
	Weight float64 // 1 unless exercise.yaml says otherwise
	File   string  // exercise.yaml, relative to the course root, for messages
	Line   int     // line of the check in File, for messages

	settings *yaml.Node // the entry; nil for a check made in code
}

// generic are the keys of a check's entry that every kind has.
var generic = []string{"kind", "weight"}

// Decode decodes the check's settings into v, a pointer to a struct whose yaml
// tags name them (an embedded struct tagged ",inline" adds its own). A key that
// neither v nor every check has is an error, as is a value of the wrong type:
// an *Error that names exercise.yaml and the line. A check without settings
// (made in code, or an entry with kind and weight alone) leaves v as it is.
func (c Check) Decode(v any) error {
	if c.settings == nil {
		return nil
	}
	known := append(append([]string(nil), generic...), yamlKeys(reflect.TypeOf(v).Elem())...)
	for i := 0; i+1 < len(c.settings.Content); i += 2 {
		key := c.settings.Content[i]
		if !slices.Contains(known, key.Value) {
			return &Error{c.File, key.Line, fmt.Sprintf("field %s not found in a %s check (known fields: %s)", key.Value, c.Kind, strings.Join(known, ", "))}
		}
	}
	if err := c.settings.Decode(v); err != nil {
		return yamlError(c.File, err)
	}
	return nil
}

// Errorf returns an *Error located at the check's line (in "exercise.yaml"
// for a check made in code).
func (c Check) Errorf(format string, args ...any) error {
	file := c.File
	if file == "" {
		file = "exercise.yaml"
	}
	return &Error{file, c.Line, fmt.Sprintf(format, args...)}
}

// yamlKeys lists the yaml keys of a struct type, in order, with those of its
// inline structs.
func yamlKeys(t reflect.Type) []string {
	var keys []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		switch {
		case name == "-":
		case opts == "inline" && f.Type.Kind() == reflect.Struct:
			keys = append(keys, yamlKeys(f.Type)...)
		case name != "":
			keys = append(keys, name)
		case f.IsExported():
			keys = append(keys, strings.ToLower(f.Name))
		}
	}
	return keys
}

// Flag returns the value of an optional boolean setting, or def when it is unset.
func Flag(b *bool, def bool) bool {
	if b == nil {
		return def
	}
	return *b
}

var exerciseKinds = map[string]bool{"implement": true, "fix": true, "timing": true, "predict": true}

// An Error is a problem in a catalog file, located by file and line.
type Error struct {
	File string // relative to the course root
	Line int    // 0 when unknown
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s: line %d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// FindRoot returns the nearest folder at or above dir that holds course.yaml.
func FindRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, FileName)); err == nil {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("no %s in %s or any folder above it: run gocourse inside the course checkout", FileName, dir)
		}
		d = parent
	}
}

type courseFile struct {
	Title   string `yaml:"title"`
	Lessons []struct {
		ID        string    `yaml:"id"`
		Title     string    `yaml:"title"`
		Exercises yaml.Node `yaml:"exercises"`
		Line      int       `yaml:"-"`
	} `yaml:"lessons"`
}

type exerciseFile struct {
	Title   string    `yaml:"title"`
	Kind    string    `yaml:"kind"`
	Section string    `yaml:"section"`
	Files   []string  `yaml:"files"`
	Hints   []string  `yaml:"hints"`
	Checks  yaml.Node `yaml:"checks"`
}

// Load reads the catalog of the course checkout at root: course.yaml and every
// exercise.yaml it names. The first problem found is returned as an *Error.
func Load(root string) (*Course, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(filepath.Join(root, FileName))
	if err != nil {
		return nil, err
	}
	var cf courseFile
	if err := decodeStrict(data, &cf); err != nil {
		return nil, yamlError(FileName, err)
	}
	var doc yaml.Node
	_ = yaml.Unmarshal(data, &doc)
	lessonLines := lessonNodeLines(&doc)

	c := &Course{Root: root, Title: cf.Title}
	seen := map[string]bool{}
	for i, lf := range cf.Lessons {
		line := 0
		if i < len(lessonLines) {
			line = lessonLines[i]
		}
		if lf.ID == "" {
			return nil, &Error{FileName, line, "lesson without an id"}
		}
		if seen[lf.ID] {
			return nil, &Error{FileName, line, fmt.Sprintf("lesson %q listed twice", lf.ID)}
		}
		seen[lf.ID] = true
		l := &Lesson{ID: lf.ID, Title: lf.Title}
		for _, n := range lf.Exercises.Content {
			if n.Kind != yaml.ScalarNode || n.Value == "" {
				return nil, &Error{FileName, n.Line, "an exercise must be named by its folder name"}
			}
			id := lf.ID + "/" + n.Value
			if seen[id] {
				return nil, &Error{FileName, n.Line, fmt.Sprintf("exercise %q listed twice", id)}
			}
			seen[id] = true
			ex, err := loadExercise(root, l, id)
			if err != nil {
				var ce *Error
				if errors.As(err, &ce) {
					return nil, err
				}
				return nil, &Error{FileName, n.Line, err.Error()}
			}
			l.Exercises = append(l.Exercises, ex)
		}
		c.Lessons = append(c.Lessons, l)
	}
	return c, nil
}

func lessonNodeLines(doc *yaml.Node) []int {
	if len(doc.Content) == 0 {
		return nil
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "lessons" {
			var lines []int
			for _, n := range m.Content[i+1].Content {
				lines = append(lines, n.Line)
			}
			return lines
		}
	}
	return nil
}

func loadExercise(root string, l *Lesson, id string) (*Exercise, error) {
	rel := path.Join("exercises", id, "exercise.yaml")
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("exercise %q: %s does not exist", id, rel)
	}
	if err != nil {
		return nil, err
	}
	var ef exerciseFile
	if err := decodeStrict(data, &ef); err != nil {
		return nil, yamlError(rel, err)
	}
	ex := &Exercise{ID: id, Lesson: l, Title: ef.Title, Kind: ef.Kind, Section: ef.Section, Files: ef.Files, Hints: ef.Hints}
	if ex.Title == "" {
		return nil, &Error{rel, 0, "missing title"}
	}
	if !exerciseKinds[ex.Kind] {
		return nil, &Error{rel, 0, fmt.Sprintf("unknown exercise kind %q (want implement, fix, timing or predict)", ex.Kind)}
	}
	if len(ex.Files) == 0 {
		return nil, &Error{rel, 0, "files: name at least one file the learner edits"}
	}
	for _, f := range ex.Files {
		if f != path.Base(f) || !strings.HasSuffix(f, ".go") || strings.HasSuffix(f, "_test.go") {
			return nil, &Error{rel, 0, fmt.Sprintf("files: %q must be a .go file (not a test) in the exercise folder", f)}
		}
	}
	for _, n := range ef.Checks.Content {
		ch, err := loadCheck(rel, n)
		if err != nil {
			return nil, err
		}
		ex.Checks = append(ex.Checks, ch)
	}
	if len(ex.Checks) == 0 {
		return nil, &Error{rel, 0, "checks: name at least one check"}
	}
	return ex, nil
}

// loadCheck reads what every check has from its entry n in the exercise.yaml
// file rel: its kind and weight. The rest is the kind's to read (Check.Decode).
func loadCheck(rel string, n *yaml.Node) (Check, error) {
	var head struct {
		Kind   string  `yaml:"kind"`
		Weight float64 `yaml:"weight"`
	}
	if n.Kind != yaml.MappingNode {
		return Check{}, &Error{rel, n.Line, "a check is a mapping such as {kind: test, weight: 2}"}
	}
	if err := n.Decode(&head); err != nil {
		return Check{}, yamlError(rel, err)
	}
	ch := Check{Kind: head.Kind, Weight: head.Weight, File: rel, Line: n.Line, settings: n}
	if ch.Kind == "" {
		return Check{}, &Error{rel, n.Line, "a check without a kind"}
	}
	if ch.Weight < 0 {
		return Check{}, &Error{rel, n.Line, "weight must not be negative"}
	}
	if ch.Weight == 0 {
		ch.Weight = 1
	}
	return ch, nil
}

// decodeStrict decodes YAML, refusing fields that the target does not have.
func decodeStrict(data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err := dec.Decode(v)
	if errors.Is(err, io.EOF) {
		return nil
	}
	return err
}

var durationErr = regexp.MustCompile("cannot unmarshal !!str `(.*)` into time.Duration")

// yamlError turns a yaml.v3 error ("yaml: line 4: ...") into an *Error.
func yamlError(file string, err error) error {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	var line int
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
	}
	if m := durationErr.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("%q is not a duration (write it like 30s or 1m30s)", m[1])
	}
	if strings.Contains(msg, "cannot unmarshal !!map into string") {
		msg = `expected text, found a "key: value" pair (text that contains ": " must be quoted)`
	}
	msg = strings.Replace(msg, "in type course.exerciseFile", "(known fields: title, kind, section, files, hints, checks)", 1)
	msg = strings.Replace(msg, "in type course.courseFile", "(known fields: title, lessons)", 1)
	return &Error{File: file, Line: line, Msg: msg}
}

// Exercises returns every exercise in course order.
func (c *Course) Exercises() []*Exercise {
	var all []*Exercise
	for _, l := range c.Lessons {
		all = append(all, l.Exercises...)
	}
	return all
}

// Exercise returns the exercise with the given id. A unique suffix of an id (its name
// alone, say) is accepted too.
func (c *Course) Exercise(id string) (*Exercise, error) {
	id = strings.Trim(filepath.ToSlash(id), "/")
	id = strings.TrimPrefix(id, "exercises/")
	var found []*Exercise
	for _, e := range c.Exercises() {
		if e.ID == id {
			return e, nil
		}
		if strings.HasSuffix(e.ID, "/"+id) {
			found = append(found, e)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return nil, fmt.Errorf("unknown exercise %q (gocourse list shows them all)", id)
	default:
		return nil, fmt.Errorf("exercise %q is ambiguous: %s or %s", id, found[0].ID, found[1].ID)
	}
}

// Lesson returns the lesson with the given id.
func (c *Course) Lesson(id string) (*Lesson, error) {
	for _, l := range c.Lessons {
		if l.ID == id {
			return l, nil
		}
	}
	return nil, fmt.Errorf("unknown lesson %q", id)
}
