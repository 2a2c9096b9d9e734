package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// analyze walks the file once, giving a rule to every node that must change
// and refusing what cannot be simulated.
func (r *fileRewriter) analyze() {
	r.rules[r.file.Name] = func() {
		r.lit(r.file.Name.Name)
		r.simMark = r.b.Len()
	}
	selectLabels := map[types.Object]*ast.LabeledStmt{}
	var gotos []*ast.BranchStmt
	for _, tv := range r.info.Types {
		if r.wrapped(tv.Type) {
			r.anyWrapped = true
			break
		}
	}
	ast.PreorderStack(r.file, nil, func(n ast.Node, stack []ast.Node) bool {
		r.crossings(n, stack)
		switch n := n.(type) {
		case *ast.ImportSpec:
			r.importSpec(n)
		case *ast.ChanType:
			// A conversion chan T(x) needs parentheses once the type is a
			// pointer: (*sim.Chan[T])(x).
			call, conv := stack[len(stack)-1].(*ast.CallExpr)
			conv = conv && call.Fun == ast.Expr(n)
			r.rules[n] = func() {
				if conv {
					r.lit("(")
				}
				r.lit("*" + r.simRef("Chan") + "[")
				r.node(n.Value)
				r.lit("]")
				if conv {
					r.lit(")")
				}
			}
		case *ast.TypeSpec:
			r.typeSpec(n)
		case *ast.CallExpr:
			r.call(n, stack)
		case *ast.SendStmt:
			r.send(n)
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				r.recv(n, stack)
			}
		case *ast.RangeStmt:
			r.rangeStmt(n)
		case *ast.SelectStmt:
			r.selectStmt(n, stack)
		case *ast.LabeledStmt:
			if _, ok := n.Stmt.(*ast.SelectStmt); ok {
				if obj := r.info.Defs[n.Label]; obj != nil {
					selectLabels[obj] = n
				}
			}
		case *ast.BranchStmt:
			if n.Tok == token.GOTO && n.Label != nil {
				gotos = append(gotos, n)
			}
		case *ast.GoStmt:
			r.goStmt(n)
		case *ast.FuncDecl:
			r.initFunc(n)
		case *ast.SelectorExpr:
			r.selector(n, stack)
		case *ast.Ident:
			r.ident(n, stack)
		}
		return true
	})
	r.applyCrossings()
	r.blankUnused()
	for _, g := range gotos {
		if l := selectLabels[r.info.Uses[g.Label]]; l != nil {
			r.refuse(g.Pos(), "goto %s: a goto to a labelled select cannot be rewritten", g.Label.Name)
		}
	}
}

// parent returns the innermost node of stack that is not a parenthesis.
func parent(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		if _, ok := stack[i].(*ast.ParenExpr); !ok {
			return stack[i]
		}
	}
	return nil
}

// unparen strips parentheses.
func unparen(e ast.Expr) ast.Expr { return ast.Unparen(e) }

// isRecv reports whether e is a receive expression, and returns it.
func isRecv(e ast.Expr) (*ast.UnaryExpr, bool) {
	u, ok := unparen(e).(*ast.UnaryExpr)
	if ok && u.Op == token.ARROW {
		return u, true
	}
	return nil, false
}

// tpHasChan reports whether t is a type parameter whose type set holds a
// channel type.
func tpHasChan(t types.Type) bool {
	tp, ok := types.Unalias(t).(*types.TypeParam)
	if !ok {
		return false
	}
	found := false
	var walk func(t types.Type)
	walk = func(t types.Type) {
		switch t := t.(type) {
		case *types.Interface:
			for i := 0; i < t.NumEmbeddeds(); i++ {
				walk(t.EmbeddedType(i))
			}
		case *types.Union:
			for i := 0; i < t.Len(); i++ {
				walk(t.Term(i).Type())
			}
		case *types.TypeParam:
			walk(t.Constraint().Underlying())
		default:
			if t != nil {
				if _, ok := t.Underlying().(*types.Chan); ok {
					found = true
				}
			}
		}
	}
	walk(tp.Constraint().Underlying())
	return found
}
