package rewrite

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// pkgInfo is one type-checked package of the directory: the package itself
// (with its in-package tests when asked) or its external test package.
type pkgInfo struct {
	fset  *token.FileSet
	files []*ast.File
	names []string // absolute file names, parallel to files
	info  *types.Info
	types *types.Package
	// module is the path of the main module when the package is in it (as
	// the go command loaded it), "" otherwise.
	module string
}

// load parses and type-checks the package in dir (an absolute path). It asks
// the go command first, so that modules and build tags are honoured; a
// directory outside any module is loaded by hand against the standard
// library.
func load(dir string, opts Options) ([]*pkgInfo, error) {
	if err := refuseCgo(dir, opts); err != nil {
		return nil, err
	}
	pkgs, err := loadPackages(dir, opts)
	if err == errNoFiles || err != nil && outsideModule(err) {
		return loadByHand(dir, opts)
	}
	return pkgs, err
}

func outsideModule(err error) bool {
	s := err.Error()
	return strings.Contains(s, "go.mod file not found") ||
		strings.Contains(s, "cannot find main module") ||
		strings.Contains(s, "outside main module") ||
		strings.Contains(s, "not in std")
}

func loadPackages(dir string, opts Options) ([]*pkgInfo, error) {
	fset := token.NewFileSet()
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedSyntax |
			packages.NeedTypes | packages.NeedTypesInfo | packages.NeedImports | packages.NeedModule,
		Dir:        dir,
		Env:        opts.Env,
		BuildFlags: opts.BuildFlags,
		Tests:      opts.Tests,
		Fset:       fset,
	}
	if len(opts.Overlay) > 0 {
		cleanup, err := overlayByFlag(cfg, opts.Overlay)
		if err != nil {
			return nil, err
		}
		defer cleanup()
	}
	loaded, err := packages.Load(cfg, ".")
	if err != nil {
		return nil, err
	}

	// With tests, the go command reports the package twice (plain and with
	// its in-package tests); keep the larger, and drop the generated test
	// main, whose files are not in dir.
	byPath := map[string]*packages.Package{}
	for _, p := range loaded {
		inDir := false
		for _, f := range p.CompiledGoFiles {
			if filepath.Dir(f) == dir {
				inDir = true
			}
		}
		if !inDir && len(p.Errors) == 0 {
			continue
		}
		if q := byPath[p.PkgPath]; q == nil || len(p.Syntax) > len(q.Syntax) {
			byPath[p.PkgPath] = p
		}
	}
	var errs ErrorList
	var out []*pkgInfo
	paths := make([]string, 0, len(byPath))
	for k := range byPath {
		paths = append(paths, k)
	}
	sort.Strings(paths)
	for _, k := range paths {
		p := byPath[k]
		for _, e := range p.Errors {
			if outsideModule(e) {
				return nil, e
			}
			errs = append(errs, loadError(dir, e.Pos, e.Msg))
		}
		if len(p.Errors) > 0 {
			continue
		}
		pi := &pkgInfo{fset: fset, info: p.TypesInfo, types: p.Types}
		if p.Module != nil && p.Module.Main {
			pi.module = p.Module.Path
		}
		for i, f := range p.Syntax {
			name := p.CompiledGoFiles[i]
			if filepath.Dir(name) != dir {
				continue // cgo or generated
			}
			pi.files = append(pi.files, f)
			pi.names = append(pi.names, name)
		}
		out = append(out, pi)
	}
	if len(errs) > 0 {
		errs.sort()
		return nil, errs.dedupe()
	}
	if len(out) == 0 {
		return nil, errNoFiles
	}
	return out, nil
}

// errNoFiles is the go command finding no package in the directory, as
// when a go.mod it ignores (one in the system's temporary directory) is
// the only one above it.
var errNoFiles = &Error{Msg: "no Go files"}

// loadError turns a "file:line:col" position and a message into an *Error.
func loadError(dir, pos, msg string) *Error {
	if pos == "" || pos == "-" {
		return &Error{Msg: msg}
	}
	parts := strings.Split(pos, ":")
	p := token.Position{Filename: pos}
	if n := len(parts); n >= 3 {
		line, err1 := strconv.Atoi(parts[n-2])
		col, err2 := strconv.Atoi(parts[n-1])
		if err1 == nil && err2 == nil {
			p = token.Position{Filename: strings.Join(parts[:n-2], ":"), Line: line, Column: col}
		}
	} else if n == 2 {
		if line, err := strconv.Atoi(parts[1]); err == nil {
			p = token.Position{Filename: parts[0], Line: line}
		}
	}
	p.Filename = relName(dir, p.Filename)
	return &Error{Pos: p, Msg: msg}
}

// loadByHand loads a directory that belongs to no module: its files may
// import the standard library only.
func loadByHand(dir string, opts Options) ([]*pkgInfo, error) {
	goNames, err := goFiles(dir, opts)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	groups := map[string][]int{} // package name -> indexes into files
	var files []*ast.File
	var names []string
	var errs ErrorList
	for _, n := range goNames {
		full := filepath.Join(dir, n)
		src, err := readSource(full, opts.Overlay)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, full, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			errs = append(errs, &Error{Pos: token.Position{Filename: n}, Msg: err.Error()})
			continue
		}
		groups[f.Name.Name] = append(groups[f.Name.Name], len(files))
		files = append(files, f)
		names = append(names, full)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(files) == 0 {
		return nil, &Error{Msg: "no Go files in " + dir}
	}
	imp := importer.ForCompiler(fset, "gc", nil)
	var out []*pkgInfo
	var base *types.Package
	order := make([]string, 0, len(groups))
	for k := range groups {
		order = append(order, k)
	}
	sort.Slice(order, func(i, j int) bool { // the package before its _test package
		return strings.HasSuffix(order[j], "_test") && !strings.HasSuffix(order[i], "_test") ||
			strings.HasSuffix(order[i], "_test") == strings.HasSuffix(order[j], "_test") && order[i] < order[j]
	})
	for _, name := range order {
		pi := &pkgInfo{fset: fset, info: newInfo()}
		for _, i := range groups[name] {
			pi.files = append(pi.files, files[i])
			pi.names = append(pi.names, names[i])
		}
		path := name
		if name == "main" {
			path = "command-line-arguments"
		}
		var terrs ErrorList
		conf := types.Config{
			Importer: importerFunc(func(p string) (*types.Package, error) {
				if base != nil && p == base.Path() {
					return base, nil
				}
				return imp.Import(p)
			}),
			Error: func(err error) {
				if te, ok := err.(types.Error); ok {
					pos := te.Fset.Position(te.Pos)
					pos.Filename = relName(dir, pos.Filename)
					terrs = append(terrs, &Error{Pos: pos, Msg: te.Msg})
				}
			},
		}
		tp, _ := conf.Check(path, fset, pi.files, pi.info)
		if len(terrs) > 0 {
			return nil, terrs
		}
		pi.types = tp
		if !strings.HasSuffix(name, "_test") {
			base = tp
		}
		out = append(out, pi)
	}
	return out, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func newInfo() *types.Info {
	return &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes:     map[ast.Node]*types.Scope{},
		Instances:  map[*ast.Ident]types.Instance{},
	}
}

// refuseCgo refuses a package with a file that imports "C": the go command
// would compile generated files in its place, and C code cannot be
// simulated.
func refuseCgo(dir string, opts Options) error {
	names, err := goFiles(dir, opts)
	if err != nil {
		return err
	}
	var errs ErrorList
	fset := token.NewFileSet()
	for _, n := range names {
		src, err := readSource(filepath.Join(dir, n), opts.Overlay)
		if err != nil {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), src, parser.ImportsOnly)
		if err != nil {
			continue // reported by the load
		}
		for _, imp := range f.Imports {
			if imp.Path.Value == `"C"` {
				p := fset.Position(imp.Pos())
				p.Filename = n
				errs = append(errs, &Error{Pos: p, Msg: refusedImports["C"]})
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// goFiles lists the Go files of dir that the build would compile, on disk
// or in the overlay, honouring build constraints and the overlay's
// replacements.
func goFiles(dir string, opts Options) ([]string, error) {
	seen := map[string]bool{}
	ents, err := os.ReadDir(dir)
	if err != nil && len(opts.Overlay) == 0 {
		return nil, err
	}
	for _, e := range ents {
		if !e.IsDir() {
			seen[e.Name()] = true
		}
	}
	for p, data := range opts.Overlay {
		if filepath.Dir(p) != dir {
			continue
		}
		seen[filepath.Base(p)] = data != nil
	}
	ctx := build.Default
	ctx.OpenFile = func(path string) (io.ReadCloser, error) {
		src, err := readSource(path, opts.Overlay)
		if err != nil {
			return nil, err
		}
		return io.NopCloser(bytes.NewReader(src)), nil
	}
	var out []string
	for n, present := range seen {
		if !present || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") && !opts.Tests {
			continue
		}
		if ok, err := ctx.MatchFile(dir, n); err != nil || !ok {
			continue
		}
		out = append(out, n)
	}
	sort.Strings(out)
	return out, nil
}

// overlayByFlag hands the overlay to the go command as its -overlay flag
// instead of packages.Config.Overlay, and puts the new contents in at parse
// time. go/packages type-checks every dependency from source when it is given
// an overlay (the export data might not match it), about a third of a second
// for a package that imports the testing package; the go command applies the
// flag to the export data it builds, so the dependencies' export data stays
// valid. A file that exists only in the overlay cannot be read by go/packages
// this way, so such an overlay is left to packages.Config.Overlay.
func overlayByFlag(cfg *packages.Config, overlay map[string][]byte) (cleanup func(), err error) {
	for path := range overlay {
		if _, err := os.Stat(path); err != nil {
			cfg.Overlay = overlay
			return func() {}, nil
		}
	}
	tmp, err := os.MkdirTemp("", "gocourse-load-")
	if err != nil {
		return nil, err
	}
	cleanup = func() { os.RemoveAll(tmp) }
	replace := map[string]string{}
	contents := map[string][]byte{}
	i := 0
	for path, data := range overlay {
		i++
		contents[filepath.Clean(path)] = data
		file := filepath.Join(tmp, strconv.Itoa(i)+"-"+filepath.Base(path))
		if err := os.WriteFile(file, data, 0o644); err != nil {
			cleanup()
			return nil, err
		}
		replace[path] = file
	}
	js, err := json.Marshal(struct{ Replace map[string]string }{replace})
	if err != nil {
		cleanup()
		return nil, err
	}
	flag := filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(flag, js, 0o644); err != nil {
		cleanup()
		return nil, err
	}
	cfg.BuildFlags = append(cfg.BuildFlags[:len(cfg.BuildFlags):len(cfg.BuildFlags)], "-overlay="+flag)
	cfg.ParseFile = func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
		if data, ok := contents[filepath.Clean(filename)]; ok {
			src = data
		}
		// The mode go/packages parses with by default.
		return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments)
	}
	return cleanup, nil
}
