// Package rewrite turns ordinary Go into Go that runs under the simulator,
// package sim, without touching the learner's files.
//
// [Package] loads one package directory (its _test.go files included when
// asked), type-checks it and returns an [Overlay]: for every file, the same
// program with channels, select and go statements replaced by the surface
// described in sim/CONTRACT.md, the packages sync, sync/atomic, time,
// context, runtime, os/signal, testing, testing/synctest and goleak replaced
// by sim's drop-ins (under the name the file knows them by), and fmt.Print*
// and os.Stdout writing to sim.Stdout(). The go command reads the overlay
// with -overlay, so the learner's code is built exactly as written, only
// rewritten.
//
// The rewriting is textual: every construct is replaced in place, so each
// line of a rewritten file stays on its original line. A //line directive at
// the top of each file names the original file, and where text has to move
// (the operands of a select, evaluated before it) or lines change,
// /*line :line:col*/ directives say where the original text resumes: compile
// errors, panics and runtime.Caller point into the learner's original file
// and line. Columns within a rewritten line may differ.
//
// What cannot be simulated faithfully is refused, by name and position, with
// an [ErrorList] of one-line [*Error] values: reflect's channel operations,
// cgo, unsafe on channels, channels and locks shared with packages that are
// not rewritten, a goto to a labelled select, channel operations on type
// parameters, and the like. The rewriter never returns a program that would
// run differently without saying so.
package rewrite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// DefaultSimPath is the import path of package sim.
const DefaultSimPath = "github.com/gocourse/gocourse/sim"

// Options control how [Package] loads and rewrites a package.
// The zero value rewrites the package's non-test files for package sim at
// [DefaultSimPath].
type Options struct {
	// Tests includes the package's _test.go files, both the in-package and
	// the external (package x_test) ones.
	Tests bool

	// SimPath is the import path of package sim; the drop-in packages are
	// SimPath+"/sync", SimPath+"/time" and so on. Empty means DefaultSimPath.
	SimPath string

	// Env is the environment of the go command that loads the package, as
	// in os/exec.Cmd.Env; nil means the current process's environment.
	Env []string

	// BuildFlags are passed to the go command that loads the package
	// (for example -tags).
	BuildFlags []string

	// Overlay replaces files while the package is loaded, as the go command's
	// -overlay does: absolute path -> content, nil to hide a file. The runner
	// uses it for a synthetic go.mod, the course's pristine tests and the
	// reference solution. Rewritten files are produced from the overlay's
	// content where it has some.
	Overlay map[string][]byte

	// GoVersion, when set ("1.21"), is the language version the module's
	// own go.mod declares, where the go.mod the go command is shown says a
	// newer one (package sim needs it). Every rewritten file is then built
	// at that version (or the newer one its own //go:build line asks for)
	// through a go1.N term added to its build constraint: loop variables are
	// per iteration only from 1.22, as in the module's own build. Channel
	// range loops are written in a form that version accepts.
	GoVersion string

	// ModuleImports also rewrites every package of the main module that the
	// package (or, with Tests, its tests) imports, directly or not, so that
	// a channel, a lock or a context may cross between them: the target's
	// reset resets them too. Without it such a package is another package
	// whose channels and locks stay real, and whatever carries one across is
	// refused.
	ModuleImports bool
}

// Overlay is the rewritten package: for every rewritten or added file, its
// new content, keyed by the absolute path the go command should see it at.
// The original files are never written.
type Overlay struct {
	// Dir is the absolute path of the package directory.
	Dir string

	// Files maps an absolute path to the file's rewritten content. Paths
	// that do not exist on disk are files the rewriter adds to the package
	// (helpers the rewritten code calls).
	Files map[string][]byte

	// Reset names a function the overlay adds to the package (not to its
	// external test package): it gives every package-level variable of the
	// package's non-test files its initial value again, as a new process
	// would, and re-runs the package's init functions. A runner that runs
	// many schedules in one process calls it first in each (sim.Options.Reset).
	Reset string
}

// Paths returns the overlay's paths in sorted order.
func (o *Overlay) Paths() []string {
	paths := make([]string, 0, len(o.Files))
	for p := range o.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}

// Write stores the rewritten files under dir and returns the path of an
// overlay description for the go command's -overlay flag, also under dir.
// Extra entries (for example pristine copies of test files) are added to
// the description as they are; they win over the overlay's own files.
func (o *Overlay) Write(dir string, extra map[string]string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	replace := map[string]string{}
	for i, p := range o.Paths() {
		name := fmt.Sprintf("%03d_%s", i, filepath.Base(p))
		dst := filepath.Join(dir, name)
		if err := os.WriteFile(dst, o.Files[p], 0o644); err != nil {
			return "", err
		}
		replace[p] = dst
	}
	for k, v := range extra {
		replace[k] = v
	}
	data, err := json.MarshalIndent(struct{ Replace map[string]string }{replace}, "", "\t")
	if err != nil {
		return "", err
	}
	js := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(js, data, 0o644); err != nil {
		return "", err
	}
	return js, nil
}

// An Error is a construct the rewriter refuses, or a problem loading the
// package. Its message is one line: "main.go:12: reflect.Select cannot run
// under the simulator".
type Error struct {
	Pos token.Position // Filename relative to the package directory
	Msg string
}

func (e *Error) Error() string {
	if e.Pos.Filename == "" {
		return e.Msg
	}
	if e.Pos.Line == 0 {
		return e.Pos.Filename + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d: %s", e.Pos.Filename, e.Pos.Line, e.Msg)
}

// ErrorList is every [*Error] found in a package, in file and line order.
// [Package] returns one when it refuses to rewrite.
type ErrorList []*Error

// Error lists every error, one a line, each with its file and line: a
// refusal that named one construct of several would have the programmer
// fix them one run at a time.
func (l ErrorList) Error() string {
	if len(l) == 0 {
		return "no errors"
	}
	return strings.TrimSuffix(l.Lines(), "\n")
}

// Unwrap returns the errors of the list, for errors.As and errors.Is.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Lines returns one line per error.
func (l ErrorList) Lines() string {
	var b bytes.Buffer
	for _, e := range l {
		b.WriteString(e.Error())
		b.WriteByte('\n')
	}
	return b.String()
}

func (l ErrorList) sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

// dedupe drops repeated messages at the same line.
func (l ErrorList) dedupe() ErrorList {
	seen := map[string]bool{}
	out := l[:0]
	for _, e := range l {
		k := e.Error()
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e)
	}
	return out
}

// Package rewrites the Go package in dir for package sim and returns the
// overlay that replaces its files. Files excluded by build constraints are
// left alone. When the package does not type-check, or uses something the
// simulator cannot run faithfully, Package returns an [ErrorList] and no
// overlay.
func Package(dir string, opts Options) (*Overlay, error) {
	if opts.SimPath == "" {
		opts.SimPath = DefaultSimPath
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	pkgs, err := load(abs, opts)
	if err != nil {
		return nil, err
	}
	var deps []depPkg
	if opts.ModuleImports && !noModuleImports(pkgs) {
		if deps, err = loadDeps(abs, opts); err != nil {
			return nil, err
		}
	}
	ov := &Overlay{Dir: abs, Files: map[string][]byte{}}
	var errs ErrorList
	inPkg := map[string]bool{}
	for _, p := range pkgs {
		inPkg[p.types.Path()] = true
	}
	for _, d := range deps {
		inPkg[d.p.types.Path()] = true
	}
	// The module's other packages first: the target's reset calls theirs.
	var resets []depReset
	for _, d := range deps {
		rw := newPkgRewriter(d.p, d.dir, opts, inPkg)
		rw.msgDir = abs
		if rw.reset != nil {
			rw.reset.name = rw.unique("GocourseSimReset")
		}
		rw.rewrite(ov)
		errs = append(errs, rw.errs...)
		if rw.reset != nil {
			resets = append(resets, depReset{d.p.types.Path(), rw.reset.name})
		}
	}
	usesFlag := false
	for _, p := range pkgs {
		usesFlag = usesFlag || importsFlag(p.types)
	}
	for _, d := range deps {
		usesFlag = usesFlag || importsFlag(d.p.types)
	}
	for _, p := range pkgs {
		rw := newPkgRewriter(p, abs, opts, inPkg)
		rw.depResets = resets
		rw.resetFlags = usesFlag
		rw.rewrite(ov)
		errs = append(errs, rw.errs...)
	}
	if len(errs) > 0 {
		errs.sort()
		return nil, errs.dedupe()
	}
	return ov, nil
}

// relName is the file name used in messages: relative to the package
// directory when inside it.
func relName(dir, file string) string {
	if r, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return file
}

// importsFlag reports whether the package imports package flag.
func importsFlag(p *types.Package) bool {
	for _, imp := range p.Imports() {
		if imp.Path() == "flag" {
			return true
		}
	}
	return false
}
