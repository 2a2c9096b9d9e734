package grader

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The policy on the learner's files. Learner code runs in the same process as
// the course's tests and the grader's TestMain, so what it may use decides what
// it can reach: the process's environment and arguments (where the test binary
// and the simulator take their settings), its file descriptors (where results
// go), the memory of the tests (unsafe, reflect), the compiler's view of the
// code (//go: directives). The policy is checked on the code's meaning, with
// go/types, before anything compiles: a renamed or dot import names the same
// package, and a local variable named like a package is not one.
//
// What a file may import: defaultImports, plus whatever the course's own files
// of the exercise (its starter and reference solution) import. Of os and
// syscall, only the names in restricted, plus those the course's own files use.

// defaultImports are the packages a concurrency exercise may use without asking.
var defaultImports = []string{
	"bufio", "bytes", "cmp", "container/heap", "container/list", "container/ring",
	"context", "errors", "fmt", "hash/fnv", "io", "iter", "log", "maps", "math",
	"math/bits", "math/rand", "math/rand/v2", "os", "os/signal", "runtime", "slices",
	"sort", "strconv", "strings", "sync", "sync/atomic", "time", "unicode",
	"unicode/utf16", "unicode/utf8",
}

// restricted lists, for packages that are allowed only in part, the names a
// learner's file may use, and why the others are refused.
var restricted = map[string]struct {
	names *regexp.Regexp
	why   string
}{
	"os": {regexp.MustCompile(`^(Stdout|Stderr|Stdin|Exit|Signal|Interrupt|Kill|ErrDeadlineExceeded)$`),
		"it reaches the process's environment, arguments, files or descriptors, which belong to the course's checks (they take their settings and send their results there)"},
	"syscall": {regexp.MustCompile(`^(Signal|SIG[A-Z0-9]+)$`),
		"of package syscall only the signal names are allowed: the rest talks to the operating system directly, around the course's checks"},
}

// importReasons say why a package is not among the default imports.
var importReasons = map[string]string{
	"unsafe":        "it reaches around Go's type and memory safety, and so around the course's tests",
	"syscall":       "it talks to the operating system directly, around the course's checks",
	"reflect":       "it can read and change unexported state, the course's tests' included",
	"runtime/debug": "it changes the runtime's settings for the whole test binary",
	"plugin":        "it loads code the course has not seen",
	"os/exec":       "it starts other programs",
	"flag":          "it can change the test binary's own flags, which choose the tests",
	"testing":       "the tests belong to the course: your files hold the solution only",
	"C":             "cgo runs a C compiler over your file, which can read any file while compiling",
	"embed":         "it can embed any file of the folder, the course's tests included",
}

// lessonWords is the way forward a refusal offers.
const lessonWords = "solve the exercise with goroutines, channels, sync, time and context, as the lesson does"

// allowedImports returns the import paths a learner's file of this exercise may
// use, and the package-level names of restricted packages the course's own
// files use.
func (env *Env) allowedImports() (map[string]bool, map[string]bool) {
	paths := map[string]bool{}
	for _, p := range defaultImports {
		paths[p] = true
	}
	names := map[string]bool{}
	c, ex := env.Course, env.Exercise
	for _, dir := range []string{ex.Path(), ex.SolutionPath()} {
		root := filepath.Join(c.Root, filepath.FromSlash(dir))
		ents, _ := os.ReadDir(root)
		for _, e := range ents {
			if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(root, e.Name()), nil, parser.SkipObjectResolution)
			if err != nil {
				continue
			}
			local := map[string]string{}
			for _, imp := range f.Imports {
				p, err := strconv.Unquote(imp.Path.Value)
				if err != nil || p == "C" {
					continue
				}
				paths[p] = true
				local[importName(imp, p)] = p
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if x, ok := sel.X.(*ast.Ident); ok && local[x.Name] != "" {
						names[local[x.Name]+"."+sel.Sel.Name] = true
					}
				}
				return true
			})
		}
	}
	return paths, names
}

// importName is the name a file knows an import by.
func importName(imp *ast.ImportSpec, p string) string {
	if imp.Name != nil {
		return imp.Name.Name
	}
	return defaultName(p)
}

// defaultName is a package's name as its import path suggests: the last element,
// or the one before a major version ("math/rand/v2" is rand).
func defaultName(p string) string {
	base := path.Base(p)
	if len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" && path.Dir(p) != "." {
		base = path.Base(path.Dir(p))
	}
	return strings.ReplaceAll(base, "-", "_")
}

// typedFile is a learner's file with its uses of other packages resolved.
type typedFile struct {
	name string // relative to the checkout, for messages
	fset *token.FileSet
	file *ast.File
	// refs maps each use of a package-level name of another package (a
	// selector pkg.Name, or an identifier a dot import brought in) to that
	// name, as "import/path.Name".
	refs map[ast.Node]string
}

func (f *typedFile) at(n ast.Node) string {
	return fmt.Sprintf("%s:%d", f.name, f.fset.Position(n.Pos()).Line)
}

// typed parses the learner's files and resolves what they use with go/types,
// once per check run (checks run concurrently). Files that do not parse are
// left out: parse reports them.
func (env *Env) typed() []*typedFile {
	env.typedOnce.Do(func() { env.typedFiles = env.resolve() })
	return env.typedFiles
}

func (env *Env) resolve() []*typedFile {
	fset := token.NewFileSet()
	var files []*ast.File
	var learner []*typedFile
	for _, name := range env.LearnerFiles {
		f, err := parser.ParseFile(fset, filepath.Join(env.Dir, name), readOrEmpty(env.Sources[name]), parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		files = append(files, f)
		learner = append(learner, &typedFile{name: env.Rel(filepath.Join(env.Dir, name)), fset: fset, file: f, refs: map[ast.Node]string{}})
	}
	// The course's own files of the package (helpers the learner's code may
	// use), so that their names resolve too.
	pristine := filepath.Join(env.Course.Root, filepath.FromSlash(env.Exercise.Path()))
	ents, _ := os.ReadDir(pristine)
	for _, e := range ents {
		n := e.Name()
		if !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") || slices.Contains(env.LearnerFiles, n) {
			continue
		}
		if f, err := parser.ParseFile(fset, filepath.Join(pristine, n), nil, parser.SkipObjectResolution); err == nil {
			files = append(files, f)
		}
	}
	var own []*ast.File
	for _, tf := range learner {
		own = append(own, tf.file)
	}
	resolveRefs(fset, learner, append(own, files[len(own):]...), env.ImportPath)
	return learner
}

// resolveRefs type-checks files (the learner's first, then the course's files
// of the package) as the package pkgPath and fills the refs of the learner's.
func resolveRefs(fset *token.FileSet, learner []*typedFile, files []*ast.File, pkgPath string) {
	// Imports are empty packages of the right path and name, except those a
	// file imports with a dot: their names must resolve, so they are read from
	// source. Uses of the empty ones are undefined to the type checker, whose
	// errors do not matter here: the selector's package is what counts.
	dot := map[string]bool{}
	for _, f := range files {
		for _, imp := range f.Imports {
			if imp.Name != nil && imp.Name.Name == "." {
				p, _ := strconv.Unquote(imp.Path.Value)
				dot[p] = true
			}
		}
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
	conf := types.Config{
		Importer:    &policyImporter{fset: fset, dot: dot, pkgs: map[string]*types.Package{}},
		Error:       func(error) {},
		FakeImportC: true,
	}
	pkg, _ := conf.Check(pkgPath, fset, files, info)
	for _, tf := range learner {
		selected := map[*ast.Ident]bool{}
		ast.Inspect(tf.file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok {
					if pn, ok := info.Uses[x].(*types.PkgName); ok {
						tf.refs[n] = pn.Imported().Path() + "." + n.Sel.Name
						selected[n.Sel] = true
					}
				}
			case *ast.Ident:
				obj := info.Uses[n]
				if selected[n] || obj == nil || obj.Pkg() == nil || obj.Pkg() == pkg || obj.Parent() != obj.Pkg().Scope() {
					return true
				}
				tf.refs[n] = obj.Pkg().Path() + "." + obj.Name()
			}
			return true
		})
	}
}

// policyImporter gives the type checker empty packages, or real ones (from
// source) for dot imports.
type policyImporter struct {
	fset   *token.FileSet
	dot    map[string]bool
	mu     sync.Mutex
	pkgs   map[string]*types.Package
	source types.Importer
}

func (im *policyImporter) Import(p string) (*types.Package, error) {
	im.mu.Lock()
	defer im.mu.Unlock()
	if pkg, ok := im.pkgs[p]; ok {
		return pkg, nil
	}
	if im.dot[p] {
		if im.source == nil {
			im.source = importer.ForCompiler(im.fset, "source", nil)
		}
		if pkg, err := im.source.Import(p); err == nil {
			im.pkgs[p] = pkg
			return pkg, nil
		}
	}
	pkg := types.NewPackage(p, defaultName(p))
	pkg.MarkComplete()
	im.pkgs[p] = pkg
	return pkg, nil
}

// policy returns the learner's files' breaches of the policy, one line each:
// file:line, the rule, why, and what to do instead.
func (env *Env) policy() []string {
	allowed, used := env.allowedImports()
	var msgs []string
	for _, tf := range env.typed() {
		for _, imp := range tf.file.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if allowed[p] && p != "C" {
				continue
			}
			why := importReasons[p]
			if why == "" && (p == "net" || strings.HasPrefix(p, "net/")) {
				why = "the exercises need no network"
			}
			if why == "" {
				why = "the exercise needs only the standard library's concurrency and text packages"
			}
			msgs = append(msgs, fmt.Sprintf("%s: import %q is not allowed here: %s; %s", tf.at(imp), p, why, lessonWords))
		}
		for _, cg := range tf.file.Comments {
			for _, c := range cg.List {
				if d := directive(c.Text); d != "" {
					msgs = append(msgs, fmt.Sprintf("%s: the %s directive is not allowed here: %s; remove it", tf.at(c), d, directiveReason(d)))
				}
			}
		}
		var refs []ast.Node
		for n := range tf.refs {
			refs = append(refs, n)
		}
		slices.SortFunc(refs, func(a, b ast.Node) int { return int(a.Pos() - b.Pos()) })
		for _, n := range refs {
			ref := tf.refs[n]
			dot := strings.LastIndex(ref, ".")
			p, name := ref[:dot], ref[dot+1:]
			r, ok := restricted[p]
			if !ok || r.names.MatchString(name) || used[ref] || !allowed[p] {
				continue // an import that is not allowed was reported above
			}
			msgs = append(msgs, fmt.Sprintf("%s: %s.%s is not allowed here: %s; %s", tf.at(n), defaultName(p), name, r.why, lessonWords))
		}
	}
	return slices.Compact(msgs) // one line for two uses on the same line
}

// directive returns the compiler directive a comment is ("//go:norace",
// "//line", a build constraint but "//go:build ignore"), or "" when it is an
// ordinary comment.
func directive(text string) string {
	switch {
	case strings.HasPrefix(text, "//go:build"):
		// A file may leave itself out of the package (ignore); any other
		// constraint (race, a tag) could compile different code for the race
		// detector's build and for the simulator's.
		if strings.TrimSpace(strings.TrimPrefix(text, "//go:build")) == "ignore" {
			return ""
		}
		return "//go:build"
	case strings.HasPrefix(text, "// +build"):
		return "// +build"
	case strings.HasPrefix(text, "//go:"):
		d, _, _ := strings.Cut(text, " ")
		return d
	case strings.HasPrefix(text, "//line ") || strings.HasPrefix(text, "/*line "):
		return "//line"
	case strings.HasPrefix(text, "//export "):
		return "//export"
	}
	return ""
}

func directiveReason(d string) string {
	switch d {
	case "//go:norace":
		return "it hides the function's data races from the race detector, which the course's checks rely on"
	case "//go:linkname":
		return "it reaches into other packages' unexported functions, the testing package's included"
	case "//go:embed":
		return "it can embed any file of the folder, the course's tests included"
	case "//line":
		return "it changes the file and line the checks name in their messages"
	case "//go:build", "// +build":
		return "a build constraint other than ignore could compile different code for different checks (the race detector's build and the simulator's)"
	}
	return "compiler directives change how the compiler and the course's checks see your code"
}
