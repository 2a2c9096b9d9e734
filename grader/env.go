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
	"sync"
	"syscall"
	"time"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/grader/simrun"
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

	// Overlay maps absolute file paths in BuildDir to the file that replaces them
	// ("" hides a file). Building in place (the course's own checkout) it holds the
	// solution's files in Solution mode and stray names the go command refuses;
	// in the stage it is empty. The generated files are added per command.
	Overlay map[string]string
	// LearnerFiles are the base names of the Go files the learner wrote: the
	// exercise's editable files, then any other Go file of theirs the package
	// holds (see findLearnerFiles).
	LearnerFiles []string
	// Sources are the files to read LearnerFiles from (after the overlay, or in
	// the stage), by base name.
	Sources map[string]string
	// TestPackage is the package clause of the course's test files.
	TestPackage string
	// Tests are the top-level Test functions of the course's test files, in file order.
	Tests []string
	// overlayFile is Overlay written as JSON for -overlay; writeOverlay sets it.
	overlayFile string

	// Strict is true when the graded checkout is not the course's own: an
	// instructor grades a learner's workbook. The package is then built from a
	// private copy (BuildDir) that holds the learner's Go files and the
	// course's pristine everything else, go.mod and go.sum included; every
	// check builds there, and Overlay holds only what the grader generates.
	Strict bool
	// BuildDir is the folder the go command builds in: Dir, or its private copy.
	BuildDir string
	// ImportPath is the import path of the exercise's package.
	ImportPath string
	// courseMain is true when the course's tests have a TestMain of their own.
	courseMain bool
	// nonce is the secret that the generated TestMain puts in its report when
	// every test ran to its end; compiled into the test binary, which learner
	// code cannot read, so a report without it is not the TestMain's.
	nonce string

	// prebuilt is the test binary's build started while the build gate ran
	// (runChecks), until a check takes it (testBinary) or the check ends.
	// Only the real lane's goroutine and runChecks touch it, one after the
	// other.
	prebuilt *prebuild
	// simPrebuilt is the sim check's program built while the build gate
	// ran, until the check takes it (simRun) or the check ends. The sim
	// check and a timing check's simulated half may look for it from the two
	// lanes at once: prebuildMu guards it.
	prebuildMu  sync.Mutex
	simPrebuilt *simPrebuild

	// typedFiles are the learner's files with their names resolved (typed).
	typedOnce  sync.Once
	typedFiles []*typedFile
}

// A learnerFault is a problem with what the learner submitted or what their code
// did (a file missing or not a regular file, a program the sandbox stopped): the
// check fails, with the message, and it is never a grader error.
type learnerFault struct{ msg string }

func (e *learnerFault) Error() string { return e.msg }

// A graderFault is a problem of the grader itself (a sandbox that cannot start):
// the result is an error, whatever the learner submitted.
type graderFault struct{ err error }

func (e *graderFault) Error() string { return e.err.Error() }
func (e *graderFault) Unwrap() error { return e.err }

// newEnv prepares the grading of one exercise: where its package is, the
// learner's files and the course's tests, the scratch space and run folder,
// and the private stage when grading strictly. A problem with the submission
// is a *learnerFault; anything else is the grader's or the course's.
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
		return nil, fmt.Errorf("the workbook %s: %w", root, err)
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
			return nil, &learnerFault{fmt.Sprintf("%s: the exercise folder is missing from the submission", ex.Path())}
		}
		return nil, fmt.Errorf("%s: the exercise folder is missing: %w", ex.Path(), err)
	}
	if env.TmpDir, err = os.MkdirTemp(scratchBase(), "gocourse-check-"); err != nil {
		return nil, fmt.Errorf("scratch space: %w", err)
	}
	if err := env.setup(filepath.Join(c.Root, filepath.FromSlash(ex.Path()))); err != nil {
		env.Close()
		return nil, err
	}
	return env, nil
}

// setup finds the learner's files and the course's tests (in pristine, the
// exercise's folder in the course), stages the package when grading strictly,
// and makes the run folder.
func (env *Env) setup(pristine string) error {
	// Learner code may run as another user (nobody, when the grader is root): it
	// must be able to reach its run folder inside the scratch space.
	if err := os.Chmod(env.TmpDir, 0o711); err != nil {
		return fmt.Errorf("scratch space: %w", err)
	}
	if env.Opts.Solution {
		if err := env.takeSolution(); err != nil {
			return err
		}
	} else if err := env.findLearnerFiles(pristine); err != nil {
		return err
	}
	if err := env.readCourseTests(pristine); err != nil {
		return err
	}
	env.nonce = newNonce()
	env.BuildDir = env.Dir
	var err error
	if env.ImportPath, err = importPath(env.Course.Root, pristine); err != nil {
		return err
	}
	if env.Strict {
		if err := env.stage(pristine); err != nil {
			return err
		}
	} else if err := env.hideRefusedNames(); err != nil {
		return err
	}
	return env.makeRunDir()
}

// takeSolution takes the reference solution's files (or a mutant's, where it
// has them) in place of the learner's, through the overlay.
func (env *Env) takeSolution() error {
	c, ex := env.Course, env.Exercise
	for _, f := range ex.Files {
		src := filepath.Join(c.Root, filepath.FromSlash(ex.SolutionPath()), f)
		if env.Opts.Mutant != "" {
			m := filepath.Join(c.Root, filepath.FromSlash(ex.SolutionPath()), "mutants", env.Opts.Mutant, f)
			if _, err := os.Stat(m); err == nil {
				src = m
			}
		}
		if _, err := os.Stat(src); err != nil {
			rel, _ := filepath.Rel(c.Root, src)
			return fmt.Errorf("%s: the reference solution is missing: %w", filepath.ToSlash(rel), err)
		}
		env.Overlay[filepath.Join(env.Dir, f)] = src
		env.Sources[f] = src
		env.LearnerFiles = append(env.LearnerFiles, f)
	}
	return nil
}

// readCourseTests reads the course's test files of the exercise (in pristine):
// their package, their Test functions, whether they have a TestMain. They
// replace whatever test files the graded folder has; when a learner grades
// their own checkout, the two are the same folder.
func (env *Env) readCourseTests(pristine string) error {
	ex := env.Exercise
	if pristine != env.Dir {
		learnerTests, err := filepath.Glob(filepath.Join(env.Dir, "*_test.go"))
		if err != nil {
			return fmt.Errorf("%s: %w", ex.Path(), err)
		}
		for _, f := range learnerTests {
			env.Overlay[f] = ""
		}
	}
	courseTests, err := filepath.Glob(filepath.Join(pristine, "*_test.go"))
	if err != nil || len(courseTests) == 0 {
		return fmt.Errorf("%s: the course has no tests for this exercise", ex.Path())
	}
	sort.Strings(courseTests)
	fset := token.NewFileSet()
	for _, f := range courseTests {
		if pristine != env.Dir {
			env.Overlay[filepath.Join(env.Dir, filepath.Base(f))] = f
		}
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			return fmt.Errorf("course test: %w", err)
		}
		if env.TestPackage == "" {
			env.TestPackage = file.Name.Name
		}
		env.Tests = append(env.Tests, simrun.TestFuncs(file)...)
		env.courseMain = env.courseMain || hasTestMain(file)
	}
	if len(env.Tests) == 0 {
		// A run of no tests passes: that is no verdict on anything.
		return fmt.Errorf("%s: the course's tests declare no Test function: nothing would be graded", ex.Path())
	}
	return nil
}

// hideRefusedNames hides, in the course's own checkout where the go command
// reads the folder itself, a stray file whose name it refuses ("-old.go").
func (env *Env) hideRefusedNames() error {
	ents, err := os.ReadDir(env.Dir)
	if err != nil {
		return fmt.Errorf("%s: %w", env.Exercise.Path(), err)
	}
	for _, e := range ents {
		if n := e.Name(); strings.HasSuffix(n, ".go") && !goAccepts(n) && n[0] != '_' && n[0] != '.' {
			env.Overlay[filepath.Join(env.Dir, n)] = ""
		}
	}
	return nil
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
	var at *Location
	for _, name := range env.LearnerFiles {
		src := env.Sources[name]
		_, err := parser.ParseFile(fset, filepath.Join(env.Dir, name), readOrEmpty(src), parser.AllErrors|parser.SkipObjectResolution)
		var list scanner.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				msgs = append(msgs, env.relMessages(e.Error())...)
				if at == nil {
					at = &Location{File: env.Rel(e.Pos.Filename), Line: e.Pos.Line}
				}
			}
		} else if err != nil {
			msgs = append(msgs, env.relMessages(err.Error())...)
		}
	}
	// The course's own code (its solutions and their mutants) is trusted.
	if len(msgs) == 0 && !env.Opts.Solution && !env.Opts.noPolicy {
		msgs = env.policy()
	}
	if len(msgs) > 0 {
		return CheckResult{Name: "parse", Status: Fail, Message: strings.Join(limitLines(msgs, 10), "\n"), Location: at}
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
		err = fmt.Errorf("cannot run the go command %q: %w", env.Opts.Go, err)
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
