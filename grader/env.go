package grader

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/gocourse/gocourse/internal/course"
)

// Env is what every check of one exercise shares: where the package is, which files
// stand in for which through the overlay, and which tests the course expects.
type Env struct {
	Course   *course.Course
	Exercise *course.Exercise
	Opts     Options

	Root   string // root of the checkout being graded
	Dir    string // absolute folder of the exercise's package in that checkout
	TmpDir string // scratch space, removed by Close

	// Overlay maps absolute file paths in Dir to the file that replaces them ("" hides
	// a file). It holds the solution's files in Solution mode and the course's tests.
	Overlay map[string]string
	// Sources are the Go files the learner wrote (after the overlay), by base name.
	Sources map[string]string
	// TestPackage is the package clause of the course's test files.
	TestPackage string
	// Tests are the top-level Test functions of the course's test files, in file order.
	Tests []string
	// overlayFile is Overlay written as JSON for -overlay; writeOverlay sets it.
	overlayFile string

	// Strict is true when the graded checkout is not the course's own: an
	// instructor grades a learner's workbook. The package is then built from a
	// private copy (BuildDir) that holds the learner's editable files and the
	// course's pristine everything else, go.mod and go.sum included; Overlay maps
	// the same view onto Dir for checkers that build in place.
	Strict bool
	// BuildDir is the folder the go command builds in: Dir, or its private copy.
	BuildDir string
	// ImportPath is the import path of the exercise's package.
	ImportPath string
	// courseMain is true when the course's tests have a TestMain of their own.
	courseMain bool
	// nonce is the secret that the generated TestMain prints when every test ran
	// to its end; learner code does not know it, so it cannot forge the end.
	nonce string
}

// A learnerError is a problem with the graded files themselves (one is missing, or is
// not a regular file): in strict mode the exercise fails, it is not a grader error.
type learnerError struct{ msg string }

func (e *learnerError) Error() string { return e.msg }

func newEnv(c *course.Course, ex *course.Exercise, opts Options) (*Env, error) {
	if opts.Go == "" {
		opts.Go = "go"
	}
	root := opts.Workbook
	if root == "" {
		root = c.Root
	}
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	env := &Env{
		Course: c, Exercise: ex, Opts: opts, Root: root,
		Dir:     filepath.Join(root, filepath.FromSlash(ex.Path())),
		Overlay: map[string]string{},
		Sources: map[string]string{},
	}
	env.Strict = !sameDir(root, c.Root)
	if _, err := os.Stat(env.Dir); err != nil {
		if env.Strict {
			return nil, &learnerError{fmt.Sprintf("%s: the exercise folder is missing from the submission", ex.Path())}
		}
		return nil, fmt.Errorf("%s: the exercise folder is missing", ex.Path())
	}
	pristine := filepath.Join(c.Root, filepath.FromSlash(ex.Path()))

	// The learner's files, or the solution's.
	for _, f := range ex.Files {
		src := filepath.Join(env.Dir, f)
		if opts.Solution {
			src = filepath.Join(c.Root, filepath.FromSlash(ex.SolutionPath()), f)
			if opts.Mutant != "" {
				m := filepath.Join(c.Root, filepath.FromSlash(ex.SolutionPath()), "mutants", opts.Mutant, f)
				if _, err := os.Stat(m); err == nil {
					src = m
				}
			}
			env.Overlay[filepath.Join(env.Dir, f)] = src
		}
		if _, err := os.Stat(src); err != nil {
			rel, _ := filepath.Rel(c.Root, src)
			if opts.Solution {
				return nil, fmt.Errorf("%s: the reference solution is missing", filepath.ToSlash(rel))
			}
			if env.Strict {
				return nil, &learnerError{fmt.Sprintf("%s/%s: the file is missing from the submission", ex.Path(), f)}
			}
			return nil, fmt.Errorf("%s: the file is missing (gocourse reset %s restores the starter)", filepath.ToSlash(rel), ex.ID)
		}
		env.Sources[f] = src
	}

	// The course's tests replace whatever test files the graded folder has. When a
	// learner grades their own checkout, the two are the same folder.
	if pristine != env.Dir {
		learnerTests, _ := filepath.Glob(filepath.Join(env.Dir, "*_test.go"))
		for _, f := range learnerTests {
			env.Overlay[f] = ""
		}
	}
	courseTests, _ := filepath.Glob(filepath.Join(pristine, "*_test.go"))
	if len(courseTests) == 0 {
		return nil, fmt.Errorf("%s: the course has no tests for this exercise", ex.Path())
	}
	sort.Strings(courseTests)
	fset := token.NewFileSet()
	for _, f := range courseTests {
		if pristine != env.Dir {
			env.Overlay[filepath.Join(env.Dir, filepath.Base(f))] = f
		}
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("course test: %v", err)
		}
		if env.TestPackage == "" {
			env.TestPackage = file.Name.Name
		}
		env.Tests = append(env.Tests, testFuncs(file)...)
		env.courseMain = env.courseMain || hasTestMain(file)
	}
	if env.TmpDir, err = os.MkdirTemp(scratchBase(), "gocourse-check-"); err != nil {
		return nil, err
	}
	// Learner code may run as another user (nobody, when the grader is root): it
	// must be able to reach its run folder inside.
	os.Chmod(env.TmpDir, 0o711)
	env.nonce = newNonce()
	env.BuildDir = env.Dir
	if env.ImportPath, err = importPath(c.Root, pristine); err != nil {
		env.Close()
		return nil, err
	}
	if env.Strict {
		if err := env.stage(pristine); err != nil {
			env.Close()
			return nil, err
		}
	}
	return env, nil
}

// testFuncs returns the names of the top-level functions that go test runs as tests.
func testFuncs(f *ast.File) []string {
	var names []string
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "Test") || fn.Name.Name == "TestMain" {
			continue
		}
		if rest := fn.Name.Name[4:]; rest != "" && strings.ToLower(rest[:1]) == rest[:1] && !strings.HasPrefix(rest, "_") {
			continue // "Testify" is not a test
		}
		names = append(names, fn.Name.Name)
	}
	return names
}

// hasTestMain reports whether a test file declares TestMain.
func hasTestMain(f *ast.File) bool {
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "TestMain" {
			return true
		}
	}
	return false
}

// Close removes the scratch space.
func (env *Env) Close() { os.RemoveAll(env.TmpDir) }

// Rel returns a path relative to the root of the checkout being graded, for messages.
func (env *Env) Rel(path string) string {
	if rel, err := filepath.Rel(env.Root, path); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return path
}

// parse reads the learner's files with go/parser, so that a syntax error is reported
// before anything compiles.
func (env *Env) parse() CheckResult {
	fset := token.NewFileSet()
	var msgs []string
	for _, name := range env.Exercise.Files {
		src := env.Sources[name]
		_, err := parser.ParseFile(fset, filepath.Join(env.Dir, name), readOrEmpty(src), parser.AllErrors|parser.SkipObjectResolution)
		var list scanner.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				msgs = append(msgs, env.relMessages(e.Error())...)
			}
		} else if err != nil {
			msgs = append(msgs, env.relMessages(err.Error())...)
		}
	}
	if len(msgs) == 0 && env.Strict {
		msgs = env.policy()
	}
	if len(msgs) > 0 {
		return CheckResult{Name: "parse", Status: Fail, Message: strings.Join(limitLines(msgs, 10), "\n")}
	}
	return CheckResult{Name: "parse", Status: Pass}
}

func readOrEmpty(path string) []byte {
	b, _ := os.ReadFile(path)
	return b
}

// relMessages splits a multi-line compiler or parser message and makes the absolute
// paths in it relative to the checkout.
func (env *Env) relMessages(s string) []string {
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		line = strings.ReplaceAll(line, env.Dir+string(filepath.Separator), env.Rel(env.Dir)+"/")
		out = append(out, line)
	}
	return out
}

// writeOverlay writes Overlay (plus extra entries) as a -overlay JSON file.
func (env *Env) writeOverlay(extra map[string]string) (string, error) {
	replace := map[string]string{}
	for k, v := range env.Overlay {
		replace[k] = v
	}
	for k, v := range extra {
		replace[k] = v
	}
	data, err := json.Marshal(struct{ Replace map[string]string }{replace})
	if err != nil {
		return "", err
	}
	f, err := os.CreateTemp(env.TmpDir, "overlay-*.json")
	if err != nil {
		return "", err
	}
	defer f.Close()
	_, err = f.Write(data)
	return f.Name(), err
}

// maxOutput bounds what one go command may print before the rest is dropped.
const maxOutput = 4 << 20

// goCmd runs the go command in the exercise folder with an environment that the
// learner's settings cannot bend: no workspace file, no toolchain switch, no GOFLAGS.
// The whole process group is killed when ctx ends or after limit.
func (env *Env) goCmd(ctx context.Context, limit time.Duration, args ...string) (stdout, stderr []byte, err error) {
	return env.goCmdEnv(ctx, limit, nil, args...)
}

// goCmdEnv is goCmd with more environment variables, which take precedence.
func (env *Env) goCmdEnv(ctx context.Context, limit time.Duration, extra []string, args ...string) (stdout, stderr []byte, err error) {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, env.Opts.Go, args...)
	cmd.Dir = env.BuildDir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=readonly", "CGO_ENABLED=1", "NO_COLOR=1")
	cmd.Env = append(cmd.Env, extra...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	var out, errb limitedBuffer
	out.max, errb.max = maxOutput, maxOutput
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	if ctx.Err() == context.DeadlineExceeded {
		err = fmt.Errorf("go %s did not finish within %s", args[0], limit)
	}
	var execErr *exec.Error
	if errors.As(err, &execErr) || errors.Is(err, fs.ErrNotExist) {
		err = fmt.Errorf("cannot run the go command %q: %v", env.Opts.Go, err)
	}
	return out.Bytes(), errb.Bytes(), err
}

// limitedBuffer keeps the first max bytes written to it and drops the rest.
type limitedBuffer struct {
	bytes.Buffer
	max       int
	truncated bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.Len(); room < len(p) {
		b.truncated = true
		if room > 0 {
			b.Buffer.Write(p[:room])
		}
		return len(p), nil
	}
	return b.Buffer.Write(p)
}

func limitLines(lines []string, n int) []string {
	if len(lines) > n {
		return append(lines[:n:n], fmt.Sprintf("... and %d more", len(lines)-n))
	}
	return lines
}

func writeFile(path, content string) error { return os.WriteFile(path, []byte(content), 0o644) }
