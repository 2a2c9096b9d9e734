package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// goStmt rewrites a go statement to sim.Go. As the spec says, the function
// value and the arguments are evaluated in the calling goroutine, at the go
// statement:
//
//	go f(a, b)     ->  { _sf1 := f; _sa2 := a; _sa3 := b; sim.Go(func() { _sf1(_sa2, _sa3) }) }
//	go s.run()     ->  sim.Go(s.run)
//	go func() {}() ->  sim.Go(func() {})
//
// Constant and nil arguments are passed as written, so that they keep the
// type of the parameter.
func (r *fileRewriter) goStmt(g *ast.GoStmt) {
	call := g.Call
	fun := unparen(call.Fun)
	bname := r.builtinName(call)
	var sig *types.Signature
	if bname == "" {
		if t := r.typeOf(call.Fun); t != nil {
			sig, _ = t.Underlying().(*types.Signature)
		}
		if sig == nil {
			r.refuse(g.Pos(), "go statement calling %s cannot be rewritten", r.text(call.Fun))
			return
		}
	}
	// go f() with f a func(): hand the function value itself to sim.Go.
	if sig != nil && len(call.Args) == 0 && sig.Params().Len() == 0 && sig.Results().Len() == 0 {
		r.rules[g] = func() {
			r.lit(r.simRef("Go") + "(")
			r.node(call.Fun)
			r.lit(")")
		}
		return
	}
	// Which arguments need a temporary, and of which type.
	conv := make([]string, len(call.Args))
	inline := make([]bool, len(call.Args))
	for i, a := range call.Args {
		tv := r.info.Types[a]
		if tv.Value != nil || tv.IsNil() {
			inline[i] = true
			continue
		}
		if untypedOrigin(r.info, a) && tv.Type != nil &&
			!types.Identical(tv.Type, types.Typ[types.Bool]) && !types.Identical(tv.Type, types.Typ[types.Int]) {
			if _, isIface := tv.Type.Underlying().(*types.Interface); !isIface {
				if conv[i] = r.typeText(tv.Type); conv[i] == "" {
					r.refuse(a.Pos(), "go statement argument %s of type %s cannot be captured", r.text(a), tv.Type)
					return
				}
			}
		}
	}
	capture := bname == "" && !r.inferredGeneric(fun)
	// go fmt.Println(x): the captured function must print to sim.Stdout.
	switch f := fun.(type) {
	case *ast.SelectorExpr:
		if name := r.printFunc(f.Sel); name != "" {
			r.printValue(f, r.text(f.X)+".", name)
		}
	case *ast.Ident:
		if name := r.printFunc(f); name != "" {
			r.printValue(f, "", name)
		}
	}
	r.rules[g] = func() {
		r.lit("{ ")
		prev := g.Call.Pos()
		fn := ""
		if capture {
			fn = r.temp("f")
			r.lit(fn + " := ")
			r.node(call.Fun)
			r.lit("; ")
			prev = call.Fun.End()
		} else {
			r.moved = true
		}
		names := make([]string, len(call.Args))
		for i, a := range call.Args {
			if inline[i] {
				r.moved = true
				continue
			}
			r.lit(strings.Repeat("\n", r.newlines(prev, a.Pos())))
			names[i] = r.temp("a")
			r.lit(names[i] + " := ")
			if conv[i] != "" {
				r.lit(conv[i] + "(")
			}
			r.node(a)
			if conv[i] != "" {
				r.lit(")")
			}
			r.lit("; ")
			prev = a.End()
		}
		r.lit(r.simRef("Go") + "(func() { ")
		switch {
		case bname == "close" && len(call.Args) == 1 && r.isChan(call.Args[0]):
			r.lit(names[0] + ".Close()")
		default:
			if capture {
				r.lit(fn)
			} else {
				r.at(call.Fun.Pos())
				r.node(call.Fun)
			}
			r.lit("(")
			for i, a := range call.Args {
				if i > 0 {
					r.lit(", ")
				}
				if inline[i] {
					r.at(a.Pos())
					r.node(a)
				} else {
					r.lit(names[i])
				}
			}
			if call.Ellipsis.IsValid() {
				r.lit("...")
			}
			r.lit(")")
		}
		r.lit(" }) }")
	}
}

// newlines counts the line breaks in the original text between from and to.
func (r *fileRewriter) newlines(from, to token.Pos) int {
	if from >= to {
		return 0
	}
	return strings.Count(string(r.src[r.off(from):r.off(to)]), "\n")
}

// inferredGeneric reports whether fun names a generic function whose type
// arguments are inferred: it cannot be stored in a variable as written.
func (r *fileRewriter) inferredGeneric(fun ast.Expr) bool {
	var id *ast.Ident
	switch f := fun.(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return false
	}
	_, ok := r.info.Instances[id]
	return ok
}

// untypedOrigin reports whether e is an expression whose type comes from
// its context (a comparison, or a shift of an untyped constant), so that
// storing it in a variable would give it its default type.
func untypedOrigin(info *types.Info, e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return untypedOrigin(info, e.X)
	case *ast.UnaryExpr:
		return e.Op == token.NOT && untypedOrigin(info, e.X)
	case *ast.BinaryExpr:
		switch e.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			return true
		case token.LAND, token.LOR:
			return untypedOrigin(info, e.X) && untypedOrigin(info, e.Y)
		case token.SHL, token.SHR:
			return info.Types[e.X].Value != nil
		}
	}
	return false
}
