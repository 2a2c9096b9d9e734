package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A defined channel type with methods of its own,
//
//	type sem chan struct{}
//	func (s sem) acquire() { s <- struct{}{} }
//
// cannot become an alias of *sim.Chan (an alias has no methods of its own)
// nor a defined pointer type (which cannot have methods), so it becomes a
// struct that embeds the channel:
//
//	type sem struct{ *sim.Chan[struct{}] }
//
// Its values compare as the channels did (by the pointer), its zero value is
// a nil channel, and it keeps its methods. What changes is where a value
// crosses between it and a plain channel type, which Go allows implicitly:
// the rewrite writes those crossings out. A channel operation takes the
// embedded channel (s.Chan.Send(v)); make(sem, n) and a conversion to sem
// build the struct (sem{c}); a conversion, assignment, argument, result or
// composite-literal element of a plain channel type takes s.Chan; nil
// becomes sem{nil} where a sem is expected, and s == nil compares s.Chan.

// wrapped reports whether t is a defined channel type with methods, of a
// package being rewritten.
func (r *fileRewriter) wrapped(t types.Type) bool {
	if t == nil {
		return false
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.NumMethods() == 0 || n.Obj().Pkg() == nil || !r.inPkg[n.Obj().Pkg().Path()] {
		return false
	}
	_, ok = n.Underlying().(*types.Chan)
	return ok
}

// A conv is a crossing the rewrite writes out around an expression.
type conv struct {
	prefix, suffix string
	empty          string // replaces the expression (nil as T{nil})
}

// chanOperand writes e where a *sim.Chan is needed: the embedded channel of
// a wrapped type.
func (r *fileRewriter) chanOperand(e ast.Expr) {
	r.paren(e)
	if r.wrapped(r.typeOf(e)) {
		r.lit(".Chan")
	}
}

// crossing notes the conversion e needs where a value of type target is
// expected; it is applied once the walk has given e its own rule.
func (r *fileRewriter) crossing(e ast.Expr, target types.Type) {
	if e == nil || target == nil {
		return
	}
	e = unparen(e)
	from := r.typeOf(e)
	if from == nil || types.Identical(from, target) {
		return
	}
	switch {
	case r.wrapped(target):
		text := r.typeText(target)
		if text == "" {
			r.refuse(e.Pos(), "a conversion to %s cannot be written here", target)
			return
		}
		if isNil(r.info, e) {
			r.convs[e] = conv{empty: "(" + text + "{nil})"}
			return
		}
		if _, ok := from.Underlying().(*types.Chan); !ok {
			return
		}
		suffix := "})"
		if r.wrapped(from) {
			suffix = ".Chan})"
		}
		r.convs[e] = conv{prefix: "(" + text + "{", suffix: suffix}
	case r.wrapped(from):
		if _, ok := target.Underlying().(*types.Chan); ok {
			r.convs[e] = conv{prefix: "(", suffix: ").Chan"}
		}
	}
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// crossings finds where values cross between wrapped and plain channel types
// in n, whose enclosing functions are on stack.
func (r *fileRewriter) crossings(n ast.Node, stack []ast.Node) {
	if !r.anyWrapped {
		return
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
			for i := range n.Lhs {
				r.crossing(n.Rhs[i], r.typeOf(n.Lhs[i]))
			}
		}
	case *ast.ValueSpec:
		if n.Type != nil && len(n.Values) == len(n.Names) {
			t := r.typeOf(n.Type)
			for _, v := range n.Values {
				r.crossing(v, t)
			}
		}
	case *ast.ReturnStmt:
		var sig *types.Signature
	outer:
		for i := len(stack) - 1; i >= 0; i-- {
			switch f := stack[i].(type) {
			case *ast.FuncLit:
				sig, _ = r.typeOf(f).(*types.Signature)
				break outer
			case *ast.FuncDecl:
				if obj := r.info.Defs[f.Name]; obj != nil {
					sig, _ = obj.Type().(*types.Signature)
				}
				break outer
			}
		}
		if sig != nil && sig.Results().Len() == len(n.Results) {
			for i, e := range n.Results {
				r.crossing(e, sig.Results().At(i).Type())
			}
		}
	case *ast.CallExpr:
		tv, ok := r.info.Types[n.Fun]
		if ok && tv.IsType() {
			if len(n.Args) == 1 {
				r.crossing(n.Args[0], tv.Type)
			}
			return
		}
		if r.builtinName(n) != "" || !ok {
			return
		}
		sig, ok := tv.Type.Underlying().(*types.Signature)
		if !ok {
			return
		}
		params := sig.Params()
		for i, a := range n.Args {
			switch {
			case sig.Variadic() && i >= params.Len()-1:
				if n.Ellipsis.IsValid() {
					continue
				}
				if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok {
					r.crossing(a, s.Elem())
				}
			case i < params.Len():
				r.crossing(a, params.At(i).Type())
			}
		}
	case *ast.CompositeLit:
		t := r.typeOf(n)
		if t == nil {
			return
		}
		switch u := t.Underlying().(type) {
		case *types.Struct:
			for i, el := range n.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						if f, ok := r.info.Uses[id].(*types.Var); ok {
							r.crossing(kv.Value, f.Type())
						}
					}
				} else if i < u.NumFields() {
					r.crossing(el, u.Field(i).Type())
				}
			}
		case *types.Slice, *types.Array, *types.Map:
			var elem, key types.Type
			switch u := u.(type) {
			case *types.Slice:
				elem = u.Elem()
			case *types.Array:
				elem = u.Elem()
			case *types.Map:
				elem, key = u.Elem(), u.Key()
			}
			for _, el := range n.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if key != nil {
						r.crossing(kv.Key, key)
					}
					r.crossing(kv.Value, elem)
				} else {
					r.crossing(el, elem)
				}
			}
		}
	case *ast.SendStmt:
		if ch, ok := r.typeOf(n.Chan).Underlying().(*types.Chan); ok {
			r.crossing(n.Value, ch.Elem())
		}
	case *ast.BinaryExpr:
		if n.Op != token.EQL && n.Op != token.NEQ {
			return
		}
		for _, side := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
			if r.wrapped(r.typeOf(side[0])) && isNil(r.info, unparen(side[1])) {
				r.convs[unparen(side[0])] = conv{prefix: "(", suffix: ").Chan"}
			}
		}
	}
}

// applyCrossings wraps the rules of the expressions that cross.
func (r *fileRewriter) applyCrossings() {
	for e, c := range r.convs {
		old, had := r.rules[e]
		r.rules[e] = func() {
			if c.empty != "" {
				r.lit(c.empty)
				return
			}
			r.lit(c.prefix)
			if had {
				old()
			} else {
				r.span(e.Pos(), e.End(), e)
			}
			r.lit(c.suffix)
		}
	}
}
