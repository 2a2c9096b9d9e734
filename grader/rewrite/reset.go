package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"
)

// A resetPlan re-creates a package's state at the start of every run: the
// package-level variables of its non-test files are set to their zero
// values, their initializers run again in the package's initialization
// order, and then its init functions, in the order the compiler runs them.
// Initializers and init functions stay in their own files (an init function
// gets a callable twin on its own line; an initializer is repeated at the end
// of its file under a line directive), so that they see that file's imports.
type resetPlan struct {
	name  string   // the reset function
	zero  string   // its helper that zeroes a variable
	vars  []string // package-level variables to zero
	calls []string // initializer and init functions, in order

	inits map[*ast.File][]varInit  // initializers, by file
	funcs map[*ast.FuncDecl]string // init function -> its twin
}

type varInit struct {
	name string
	init *types.Initializer
}

// planReset plans the reset of the package, or returns nil for an external
// test package.
func (r *pkgRewriter) planReset() *resetPlan {
	if strings.HasSuffix(r.p.types.Name(), "_test") && len(r.p.files) > 0 && strings.HasSuffix(r.p.files[0].Name.Name, "_test") {
		return nil
	}
	plan := &resetPlan{
		name:  r.unique("gocourseSimReset"),
		zero:  r.unique("gocourseSimZeroVar"),
		inits: map[*ast.File][]varInit{},
		funcs: map[*ast.FuncDecl]string{},
	}
	fileOf := map[*token.File]*ast.File{}
	testFile := map[*ast.File]bool{}
	for i, f := range r.p.files {
		fileOf[r.p.fset.File(f.Pos())] = f
		testFile[f] = strings.HasSuffix(r.p.names[i], "_test.go")
	}
	for _, f := range r.p.files {
		if testFile[f] {
			continue
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				for _, id := range spec.(*ast.ValueSpec).Names {
					if id.Name != "_" {
						plan.vars = append(plan.vars, id.Name)
					}
				}
			}
		}
	}
	for i, in := range r.p.info.InitOrder {
		f := fileOf[r.p.fset.File(in.Rhs.Pos())]
		if f == nil || testFile[f] {
			continue
		}
		name := r.unique(fmt.Sprintf("gocourseSimVarInit%d", i))
		plan.inits[f] = append(plan.inits[f], varInit{name, in})
		plan.calls = append(plan.calls, name)
	}
	n := 0
	for _, f := range r.p.files {
		if testFile[f] {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || fd.Name.Name != "init" || fd.Body == nil {
				continue
			}
			name := r.unique(fmt.Sprintf("gocourseSimInit%d", n))
			n++
			plan.funcs[fd] = name
			plan.calls = append(plan.calls, name)
		}
	}
	sort.Strings(plan.vars)
	return plan
}

// helper returns the reset function and its zeroing helper.
// first are statements it runs before its own work: the calls of the reset
// functions of the rewritten packages it imports (a program initialises what
// a package imports first), and a new command-line flag set when those
// packages define flags.
func (p *resetPlan) helper(first []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "// %s gives the package's variables their initial values again and\n", p.name)
	fmt.Fprintf(&b, "// re-runs its init functions, so that one run does not see another's state.\n")
	fmt.Fprintf(&b, "func %s() {\n", p.name)
	for _, st := range first {
		fmt.Fprintf(&b, "\t%s\n", st)
	}
	for _, v := range p.vars {
		fmt.Fprintf(&b, "\t%s(&%s)\n", p.zero, v)
	}
	for _, c := range p.calls {
		fmt.Fprintf(&b, "\t%s()\n", c)
	}
	fmt.Fprintf(&b, "}\n\n// %s sets *p to its zero value.\n", p.zero)
	fmt.Fprintf(&b, "func %s[T any](p *T) { var zero T; *p = zero }\n", p.zero)
	return b.String()
}

// initFunc gives func init() a callable twin on the same line:
//
//	func init() { sim.InitFunc(gocourseSimInit0) }; func gocourseSimInit0() { ...body... }
//
// sim.InitFunc runs the body under the scheduler, so that an init that waits
// can.
func (r *fileRewriter) initFunc(fd *ast.FuncDecl) {
	if r.reset == nil {
		return
	}
	name, ok := r.reset.funcs[fd]
	if !ok {
		return
	}
	r.rules[fd.Type] = func() {
		r.span(fd.Type.Pos(), fd.Type.End(), fd.Type)
		r.lit(fmt.Sprintf(" { %s(%s) }; func %s()", r.simRef("InitFunc"), name, name))
	}
}

// initValues wraps the package-level initializers of this file that call
// something or receive (and so may wait) in sim.InitValue, which evaluates
// them under the scheduler when the process starts, as sim.InitFunc runs an
// init function (sim.InitValue2 for an initializer of two variables). One of
// more variables, or of a type this file cannot name (an unexported type of
// another package, a type holding a channel type), is left as it is.
func (r *fileRewriter) initValues() {
	if r.reset == nil {
		return
	}
	for _, vi := range r.reset.inits[r.file] {
		n := len(vi.init.Lhs)
		if n < 1 || n > 2 || !mayWait(vi.init.Rhs) {
			continue
		}
		var types []string
		for _, v := range vi.init.Lhs {
			if t := r.initTypeText(v.Type()); t != "" {
				types = append(types, t)
			}
		}
		if len(types) != n {
			continue
		}
		fn, results := "InitValue", types[0]
		if n == 2 {
			fn, results = "InitValue2", "("+types[0]+", "+types[1]+")"
		}
		e := vi.init.Rhs
		inner, had := r.rules[e]
		r.rules[e] = func() {
			r.lit(r.simRef(fn) + "(func() " + results + " { return ")
			if had {
				inner()
			} else {
				r.span(e.Pos(), e.End(), e)
			}
			r.lit(" })")
		}
	}
}

// initTypeText is typeText, and for a channel type (var results = start())
// the rewritten one, *sim.Chan[T], as the rewriter writes every channel type.
func (r *fileRewriter) initTypeText(t types.Type) string {
	if ch, ok := types.Unalias(t).(*types.Chan); ok {
		if elem := r.typeText(ch.Elem()); elem != "" {
			return "*" + r.simRef("Chan") + "[" + elem + "]"
		}
		return ""
	}
	return r.typeText(t)
}

// mayWait reports whether e calls a function or receives from a channel.
func mayWait(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // defined, not run
		case *ast.CallExpr:
			found = true
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		}
		return !found
	})
	return found
}

// writeInits appends this file's variable initializers as functions, each
// under a line directive that points at the original initializer.
func (r *fileRewriter) writeInits() {
	if r.reset == nil {
		return
	}
	for _, vi := range r.reset.inits[r.file] {
		var lhs []string
		for _, v := range vi.init.Lhs {
			lhs = append(lhs, v.Name())
		}
		if len(lhs) == 0 {
			lhs = []string{"_"} // var _ = f()
		}
		r.lit(fmt.Sprintf("\nfunc %s() { %s = ", vi.name, strings.Join(lhs, ", ")))
		r.at(vi.init.Rhs.Pos())
		r.node(vi.init.Rhs)
		r.lit(" }\n")
	}
}
