package rewrite

import (
	"go/token"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// A depPkg is a package of the main module that the target imports, directly
// or not: it is rewritten too, so that its channels, locks and clocks are the
// simulator's, as the target's are.
type depPkg struct {
	dir string
	p   *pkgInfo
}

// noModuleImports reports whether the packages loaded import no package of
// their main module but each other, so that loadDeps has nothing to find and its
// go commands can be spared: a package the course grades imports the standard
// library and other modules (goleak) only. Every package of a module has the
// module's path as its prefix; a package whose module the go command did not
// name (outside any module) counts as importing one, and loadDeps runs.
func noModuleImports(pkgs []*pkgInfo) bool {
	own := map[string]bool{}
	mod := ""
	for _, p := range pkgs {
		own[p.types.Path()] = true
		if p.module != "" {
			mod = p.module
		}
	}
	if mod == "" {
		return false
	}
	for _, p := range pkgs {
		for _, imp := range p.types.Imports() {
			path := imp.Path()
			if !own[path] && (path == mod || strings.HasPrefix(path, mod+"/")) {
				return false
			}
		}
	}
	return true
}

// loadDeps loads, type-checked from source, the packages of the main module
// other than the one in dir that the package in dir (and its tests, with
// opts.Tests) imports, dependencies first. A package outside any module has
// none.
func loadDeps(dir string, opts Options) ([]depPkg, error) {
	cfg := &packages.Config{
		Mode:       packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule,
		Dir:        dir,
		Env:        opts.Env,
		BuildFlags: opts.BuildFlags,
		Tests:      opts.Tests,
		Overlay:    opts.Overlay,
	}
	roots, err := packages.Load(cfg, ".")
	if err != nil {
		return nil, nil // the target's own load reported what is wrong
	}
	// Post-order over the import graph: a package after what it imports, as
	// the program initialises them.
	var order []string
	seen := map[string]bool{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if seen[p.PkgPath] {
			return
		}
		seen[p.PkgPath] = true
		paths := make([]string, 0, len(p.Imports))
		for k := range p.Imports {
			paths = append(paths, k)
		}
		sort.Strings(paths)
		for _, k := range paths {
			q := p.Imports[k]
			if q.Module == nil || !q.Module.Main {
				continue // the standard library, or another module
			}
			visit(q)
		}
		if len(p.GoFiles) > 0 && filepath.Dir(p.GoFiles[0]) != dir {
			order = append(order, p.PkgPath)
		}
	}
	for _, r := range roots {
		visit(r)
	}
	if len(order) == 0 {
		return nil, nil
	}
	fset := token.NewFileSet()
	cfg = &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedSyntax |
			packages.NeedTypes | packages.NeedTypesInfo | packages.NeedImports,
		Dir:        dir,
		Env:        opts.Env,
		BuildFlags: opts.BuildFlags,
		Fset:       fset,
	}
	if len(opts.Overlay) > 0 {
		cleanup, err := overlayByFlag(cfg, opts.Overlay)
		if err != nil {
			return nil, err
		}
		defer cleanup()
	}
	loaded, err := packages.Load(cfg, order...)
	if err != nil {
		return nil, err
	}
	byPath := map[string]*packages.Package{}
	for _, p := range loaded {
		byPath[p.PkgPath] = p
	}
	var errs ErrorList
	var out []depPkg
	for _, path := range order {
		p := byPath[path]
		if p == nil || len(p.CompiledGoFiles) == 0 {
			continue
		}
		pdir := filepath.Dir(p.CompiledGoFiles[0])
		if len(p.GoFiles) > 0 {
			pdir = filepath.Dir(p.GoFiles[0])
		}
		if err := refuseCgo(pdir, opts); err != nil {
			if l, ok := err.(ErrorList); ok {
				for _, e := range l {
					e.Pos.Filename = relName(dir, filepath.Join(pdir, e.Pos.Filename))
				}
			}
			return nil, err
		}
		for _, e := range p.Errors {
			errs = append(errs, loadError(dir, e.Pos, e.Msg))
		}
		if len(p.Errors) > 0 {
			continue
		}
		pi := &pkgInfo{fset: fset, info: p.TypesInfo, types: p.Types}
		for i, f := range p.Syntax {
			name := p.CompiledGoFiles[i]
			if filepath.Dir(name) != pdir {
				continue
			}
			pi.files = append(pi.files, f)
			pi.names = append(pi.names, name)
		}
		out = append(out, depPkg{dir: pdir, p: pi})
	}
	if len(errs) > 0 {
		errs.sort()
		return nil, errs.dedupe()
	}
	return out, nil
}
