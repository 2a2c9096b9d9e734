package rewrite

import (
	"fmt"
	"go/ast"
	"go/types"
	"path"
	"strconv"
	"strings"
)

// swapTable maps the standard packages that sim replaces to their drop-ins.
func swapTable(simPath string) map[string]string {
	return map[string]string{
		"sync":        simPath + "/sync",
		"sync/atomic": simPath + "/atomic",
		"time":        simPath + "/time",
		"context":     simPath + "/context",
		"runtime":     simPath + "/runtime",
		"os/signal":   simPath + "/signal",

		// The top-level functions of math/rand draw from the run's own
		// generator, so that a run (and its replay) is a function of the
		// strategy's seed.
		"math/rand":    simPath + "/rand",
		"math/rand/v2": simPath + "/rand/v2",

		// Tests run under the simulator's harness: t.Errorf fails a schedule,
		// synctest's bubble is the simulator's own virtual time, and the
		// simulator checks for leaked goroutines after every schedule.
		"testing":            simPath + "/testing",
		"testing/synctest":   simPath + "/synctest",
		"go.uber.org/goleak": simPath + "/goleak",
	}
}

// refusedImports are packages whose use cannot be simulated at all.
var refusedImports = map[string]string{
	"C": "cgo (import \"C\") cannot run under the simulator",
}

// importSpec swaps an import of a replaced package for its drop-in, keeping
// the name the file knows it by.
func (r *fileRewriter) importSpec(spec *ast.ImportSpec) {
	p, err := strconv.Unquote(spec.Path.Value)
	if err != nil {
		return
	}
	if msg := refusedImports[p]; msg != "" {
		r.refuse(spec.Pos(), "%s", msg)
		return
	}
	to, ok := r.swaps[p]
	if !ok {
		return
	}
	name := path.Base(p)
	if pn, ok := r.info.Implicits[spec].(*types.PkgName); ok {
		name = pn.Imported().Name() // math/rand/v2 is package rand
	}
	if spec.Name != nil {
		name = spec.Name.Name
	}
	r.rules[spec] = func() {
		r.lit(name + " " + strconv.Quote(to))
	}
}

// printFuncs are the functions of fmt that write to standard output.
var printFuncs = map[string]string{
	"Print":   "func(a ...any) (int, error) { return %s(%s(), a...) }",
	"Println": "func(a ...any) (int, error) { return %s(%s(), a...) }",
	"Printf":  "func(format string, a ...any) (int, error) { return %s(%s(), format, a...) }",
}

// printFunc returns the name of the fmt.Print function id refers to, or "".
func (r *fileRewriter) printFunc(id *ast.Ident) string {
	obj, ok := r.info.Uses[id].(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg().Path() != "fmt" {
		return ""
	}
	if _, ok := printFuncs[obj.Name()]; !ok {
		return ""
	}
	return obj.Name()
}

// fprint returns the name of the Fprint function for a Print function.
func fprint(name string) string { return "Fp" + name[1:] }

// fmtCall rewrites fmt.Print*(args) to fmt.Fprint*(sim.Stdout(), args).
func (r *fileRewriter) fmtCall(call *ast.CallExpr) {
	var name string
	switch f := unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		name = r.printFunc(f.Sel)
	case *ast.Ident:
		name = r.printFunc(f)
	}
	if name == "" {
		r.externalCall(call)
		return
	}
	r.externalCall(call)
	if len(call.Args) == 1 {
		if tup, ok := r.typeOf(call.Args[0]).(*types.Tuple); ok && tup.Len() > 1 {
			// fmt.Println(f()) with f returning several values: call a
			// function that takes them all.
			qual := ""
			if s, ok := unparen(call.Fun).(*ast.SelectorExpr); ok {
				qual = r.text(s.X) + "."
			}
			r.rules[call] = func() {
				r.lit(fmt.Sprintf(printFuncs[name], qual+fprint(name), r.simRef("Stdout")))
				r.span(call.Lparen, call.End(), call)
			}
			return
		}
	}
	r.rules[call] = func() {
		switch f := unparen(call.Fun).(type) {
		case *ast.SelectorExpr:
			r.node(f.X)
			r.lit("." + fprint(name))
		case *ast.Ident:
			r.lit(fprint(name))
		}
		r.lit("(" + r.simRef("Stdout") + "()")
		if len(call.Args) > 0 {
			r.lit(", ")
		}
		r.span(call.Lparen+1, call.End(), call)
	}
}

// printValue rewrites fmt.Println used as a value (not called) into a
// function that prints to sim.Stdout.
func (r *fileRewriter) printValue(e ast.Expr, qual string, name string) {
	r.rules[e] = func() {
		r.lit(fmt.Sprintf(printFuncs[name], qual+fprint(name), r.simRef("Stdout")))
	}
}

// selector handles pkg.Name and x.Field/x.Method: fmt.Print* as values,
// os.Stdout, and what crosses into packages that are not rewritten.
func (r *fileRewriter) selector(sel *ast.SelectorExpr, stack []ast.Node) {
	if name := r.printFunc(sel.Sel); name != "" {
		if call, ok := parent(stack).(*ast.CallExpr); !ok || unparen(call.Fun) != ast.Expr(sel) {
			r.printValue(sel, r.text(sel.X)+".", name)
		}
		return
	}
	obj := r.info.Uses[sel.Sel]
	if obj == nil || obj.Pkg() == nil {
		return
	}
	if v, ok := obj.(*types.Var); ok && obj.Pkg().Path() == "os" && obj.Name() == "Stdout" && !v.IsField() {
		r.stdout(sel, stack)
		return
	}
	if f, ok := obj.(*types.Func); ok && f.Type().(*types.Signature).Recv() == nil {
		switch {
		case f.Pkg().Path() == "os" && f.Name() == "Exit":
			r.osExit(sel)
			return
		case f.Pkg().Path() == "log" && logFatal[f.Name()] != "":
			r.logFatal(sel, f.Name())
			return
		}
	}
	if s := r.info.Selections[sel]; s != nil {
		if isProcessSignal(s) {
			r.processSignal(sel)
			return
		}
		r.checkSelection(sel, s)
		return
	}
	r.checkObject(sel.Sel, obj)
}

// isProcessSignal reports whether s is the method Signal of an *os.Process.
func isProcessSignal(s *types.Selection) bool {
	f, ok := s.Obj().(*types.Func)
	if !ok || f.Pkg() == nil || f.Pkg().Path() != "os" || f.Name() != "Signal" || s.Kind() != types.MethodVal {
		return false
	}
	n := namedOf(s.Recv())
	return n != nil && n.Obj().Name() == "Process"
}

// processSignal rewrites p.Signal to sim.ProcessSignal(p), which delivers a
// signal the program sends its own process to the simulated program, and
// never to the process that runs the simulator.
func (r *fileRewriter) processSignal(sel *ast.SelectorExpr) {
	x := r.text(sel.X)
	r.rules[sel] = func() { r.lit(r.simRef("ProcessSignal") + "(" + x + ")") }
}

// ident handles identifiers that are not the selector of a selector
// expression: dot-imported fmt.Print* and package-level objects.
func (r *fileRewriter) ident(id *ast.Ident, stack []ast.Node) {
	if s, ok := parent(stack).(*ast.SelectorExpr); ok && s.Sel == id {
		return
	}
	obj := r.info.Uses[id]
	if obj == nil || obj.Pkg() == nil {
		return
	}
	if name := r.printFunc(id); name != "" {
		if call, ok := parent(stack).(*ast.CallExpr); !ok || unparen(call.Fun) != ast.Expr(id) {
			r.printValue(id, "", name)
		}
		return
	}
	if obj.Parent() == obj.Pkg().Scope() {
		r.checkObject(id, obj)
	}
}

// osExit rewrites os.Exit to sim.Exit, which ends the run as os.Exit ends the
// process (and is os.Exit outside a run).
func (r *fileRewriter) osExit(sel *ast.SelectorExpr) {
	if x, ok := sel.X.(*ast.Ident); ok {
		if pn, ok := r.info.Uses[x].(*types.PkgName); ok {
			r.dropped[pn]++
		}
	}
	r.rules[sel] = func() { r.lit(r.simRef("Exit")) }
}

// logFatal maps log's Fatal functions to the Print function that writes the
// same line before they call os.Exit(1).
var logFatal = map[string]string{"Fatal": "Print", "Fatalf": "Printf", "Fatalln": "Println"}

// logFatal rewrites log.Fatal, Fatalf and Fatalln to a function that logs as
// they do and then calls sim.Exit(1).
func (r *fileRewriter) logFatal(sel *ast.SelectorExpr, name string) {
	pkg := r.text(sel.X)
	params, args := "v ...any", "v..."
	if name == "Fatalf" {
		params, args = "format string, v ...any", "format, v..."
	}
	r.rules[sel] = func() {
		r.lit(fmt.Sprintf("(func(%s) { %s.%s(%s); %s(1) })", params, pkg, logFatal[name], args, r.simRef("Exit")))
	}
}

// stdout rewrites os.Stdout to sim.Stdout(), which is an io.Writer: it is
// refused where the program needs an *os.File.
func (r *fileRewriter) stdout(sel *ast.SelectorExpr, stack []ast.Node) {
	if !r.wantsInterface(sel, stack) {
		r.refuse(sel.Pos(), "os.Stdout used as an *os.File cannot be captured under the simulator (use it as an io.Writer)")
		return
	}
	if x, ok := sel.X.(*ast.Ident); ok {
		if pn, ok := r.info.Uses[x].(*types.PkgName); ok {
			r.dropped[pn]++
		}
	}
	r.rules[sel] = func() { r.lit(r.simRef("Stdout") + "()") }
}

// wantsInterface reports whether the value of e is used as an interface
// (or has its Write method called), so that an io.Writer can stand in for
// it.
func (r *fileRewriter) wantsInterface(e ast.Expr, stack []ast.Node) bool {
	isIface := func(t types.Type) bool {
		if t == nil {
			return false
		}
		_, ok := t.Underlying().(*types.Interface)
		return ok
	}
	switch p := parent(stack).(type) {
	case *ast.CallExpr:
		if unparen(p.Fun) == e {
			return false
		}
		t := r.typeOf(p.Fun)
		if t == nil {
			return false
		}
		if tv := r.info.Types[p.Fun]; tv.IsType() {
			return isIface(tv.Type)
		}
		sig, ok := t.Underlying().(*types.Signature)
		if !ok {
			return false
		}
		for i, a := range p.Args {
			if unparen(a) != e {
				continue
			}
			params := sig.Params()
			if sig.Variadic() && i >= params.Len()-1 {
				if p.Ellipsis.IsValid() {
					return false
				}
				return isIface(params.At(params.Len() - 1).Type().(*types.Slice).Elem())
			}
			return i < params.Len() && isIface(params.At(i).Type())
		}
	case *ast.SelectorExpr:
		return p.X == e && p.Sel.Name == "Write"
	case *ast.AssignStmt:
		if p.Tok.String() == "=" && len(p.Lhs) == len(p.Rhs) {
			for i, rhs := range p.Rhs {
				if unparen(rhs) == e {
					return isIface(r.typeOf(p.Lhs[i]))
				}
			}
		}
	case *ast.ValueSpec:
		if p.Type != nil {
			return isIface(r.typeOf(p.Type))
		}
	case *ast.KeyValueExpr:
		if id, ok := p.Key.(*ast.Ident); ok && unparen(p.Value) == e {
			if obj := r.info.Uses[id]; obj != nil {
				return isIface(obj.Type())
			}
		}
	case *ast.CompositeLit:
		if t := r.typeOf(p); t != nil {
			switch u := t.Underlying().(type) {
			case *types.Slice:
				return isIface(u.Elem())
			case *types.Array:
				return isIface(u.Elem())
			}
		}
	}
	return false
}

// swapped reports whether path is a package the rewriter replaces.
func (r *fileRewriter) swapped(path string) bool {
	_, ok := r.swaps[path]
	return ok
}

// std reports whether an import path belongs to the standard library.
func std(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// blankUnused turns imports whose every use the rewriter replaced (an os
// used only for os.Stdout) into blank imports, which the compiler accepts.
func (r *fileRewriter) blankUnused() {
	if len(r.dropped) == 0 {
		return
	}
	uses := map[*types.PkgName]int{}
	ast.Inspect(r.file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if pn, ok := r.info.Uses[id].(*types.PkgName); ok {
				uses[pn]++
			}
		}
		return true
	})
	for _, spec := range r.file.Imports {
		obj := r.info.Defs[spec.Name]
		if spec.Name == nil {
			obj = r.info.Implicits[spec]
		}
		pn, ok := obj.(*types.PkgName)
		if !ok || r.dropped[pn] == 0 || r.dropped[pn] < uses[pn] {
			continue
		}
		if _, has := r.rules[spec]; has {
			continue
		}
		r.rules[spec] = func() { r.lit("_ " + spec.Path.Value) }
	}
}
