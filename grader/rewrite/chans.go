package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// typeSpec turns a defined channel type into an alias of *sim.Chan: a
// defined pointer type would lose the methods of sim.Chan. A channel type
// with methods of its own cannot be rewritten.
func (r *fileRewriter) typeSpec(ts *ast.TypeSpec) {
	if ts.Assign.IsValid() {
		return
	}
	obj, _ := r.info.Defs[ts.Name].(*types.TypeName)
	if obj == nil {
		return
	}
	named, ok := obj.Type().(*types.Named)
	if !ok {
		return
	}
	if _, ok := named.Underlying().(*types.Chan); !ok {
		return
	}
	if named.NumMethods() > 0 {
		// See chanmethods.go.
		r.rules[ts] = func() {
			r.span(ts.Pos(), ts.Type.Pos(), ts)
			r.lit("struct{ ")
			r.node(ts.Type)
			r.lit(" }")
			r.span(ts.Type.End(), ts.End(), ts)
		}
		return
	}
	r.rules[ts] = func() {
		r.span(ts.Pos(), ts.Type.Pos(), ts)
		r.lit("= ")
		r.node(ts.Type)
		r.span(ts.Type.End(), ts.End(), ts)
	}
}

// builtinName returns the name of the builtin function a call calls, or "".
func (r *fileRewriter) builtinName(call *ast.CallExpr) string {
	id, ok := unparen(call.Fun).(*ast.Ident)
	if !ok {
		return ""
	}
	if b, ok := r.info.Uses[id].(*types.Builtin); ok {
		return b.Name()
	}
	return ""
}

// call rewrites make, close, len and cap of channels, and fmt.Print*.
func (r *fileRewriter) call(call *ast.CallExpr, stack []ast.Node) {
	switch name := r.builtinName(call); name {
	case "make":
		if len(call.Args) == 0 {
			return
		}
		t := r.typeOf(call.Args[0])
		if tpHasChan(t) {
			r.refuse(call.Pos(), "make of a type parameter that may be a channel cannot run under the simulator")
			return
		}
		if t == nil {
			return
		}
		if ch, ok := t.Underlying().(*types.Chan); ok {
			r.makeChan(call, ch, stack)
		}
	case "close", "len", "cap":
		if len(call.Args) != 1 {
			return
		}
		arg := call.Args[0]
		if tpHasChan(r.typeOf(arg)) {
			r.refuse(call.Pos(), "%s of a type parameter that may be a channel cannot run under the simulator", name)
			return
		}
		if !r.isChan(arg) {
			return
		}
		method := map[string]string{"close": ".Close()", "len": ".Len()", "cap": ".Cap()"}[name]
		r.rules[call] = func() {
			r.chanOperand(arg)
			r.lit(method)
		}
	case "panic", "recover":
		// The simulator keeps each goroutine's chain of panics, to print
		// it as the runtime does ("panic: a [recovered]\n\tpanic: b"). Not
		// in a defer or go statement, whose call runs later.
		if len(stack) > 0 {
			switch p := stack[len(stack)-1].(type) {
			case *ast.DeferStmt:
				if p.Call == call {
					return
				}
			case *ast.GoStmt:
				if p.Call == call {
					return
				}
			}
		}
		if name == "recover" && len(call.Args) == 0 {
			r.rules[call] = func() { r.lit(r.simRef("Recovered") + "(recover())") }
		} else if name == "panic" && len(call.Args) == 1 {
			arg := call.Args[0]
			r.rules[call] = func() {
				r.lit("panic(" + r.simRef("Panicking") + "(")
				r.node(arg)
				r.lit("))")
			}
		}
	case "":
		r.fmtCall(call)
	}
}

// makeChan rewrites make(chan T, n) to sim.MakeChan[T](n).Named("v").
func (r *fileRewriter) makeChan(call *ast.CallExpr, ch *types.Chan, stack []ast.Node) {
	lit, _ := unparen(call.Args[0]).(*ast.ChanType)
	elem := ""
	if lit == nil {
		if elem = r.typeText(ch.Elem()); elem == "" {
			r.refuse(call.Pos(), "make of a channel type whose element type cannot be named here cannot be rewritten")
			return
		}
	}
	name := r.chanName(call, stack)
	wrap := r.wrapped(r.typeOf(call.Args[0]))
	r.rules[call] = func() {
		if lit == nil && wrap {
			// make(sem): the struct that embeds the channel.
			r.lit("(")
			r.node(call.Args[0])
			r.lit("{")
		} else if lit == nil {
			// make(Pipe): convert to the (now alias) type, for the reader.
			r.node(call.Args[0])
			r.lit("(")
		}
		r.lit(r.simRef("MakeChan") + "[")
		if lit != nil {
			r.node(lit.Value)
		} else {
			r.lit(elem)
		}
		r.lit("](")
		if len(call.Args) > 1 {
			size := call.Args[1]
			tv := r.info.Types[size]
			if tv.Type != nil && !types.Identical(tv.Type, types.Typ[types.Int]) &&
				!(tv.Value != nil && isUntyped(tv.Type)) {
				r.lit("int(")
				r.node(size)
				r.lit(")")
			} else {
				r.node(size)
			}
		} else {
			r.lit("0")
		}
		r.lit(")")
		if name != "" {
			r.lit(".Named(" + strconv.Quote(name) + ")")
		}
		if lit == nil && wrap {
			r.lit("})")
		} else if lit == nil {
			r.lit(")")
		}
	}
}

func isUntyped(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Info()&types.IsUntyped != 0
}

// chanName returns the name a new channel is known by in the source: the
// variable, field or struct key it is assigned to.
func (r *fileRewriter) chanName(call *ast.CallExpr, stack []ast.Node) string {
	nameOf := func(e ast.Expr) string {
		switch e := unparen(e).(type) {
		case *ast.Ident:
			if e.Name != "_" {
				return e.Name
			}
		case *ast.SelectorExpr:
			return r.text(e)
		case *ast.IndexExpr:
			return r.text(e.X) + "[]"
		}
		return ""
	}
	switch p := parent(stack).(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			for i, rhs := range p.Rhs {
				if unparen(rhs) == call {
					return nameOf(p.Lhs[i])
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == len(p.Values) {
			for i, v := range p.Values {
				if unparen(v) == call {
					return nameOf(p.Names[i])
				}
			}
		}
	case *ast.KeyValueExpr:
		if unparen(p.Value) == call {
			if id, ok := p.Key.(*ast.Ident); ok {
				return id.Name
			}
		}
	}
	return ""
}

// send rewrites ch <- v to ch.Send(v).
func (r *fileRewriter) send(s *ast.SendStmt) {
	if tpHasChan(r.typeOf(s.Chan)) {
		r.refuse(s.Pos(), "send on a type parameter that may be a channel cannot run under the simulator")
		return
	}
	r.rules[s] = func() {
		r.chanOperand(s.Chan)
		r.lit(".Send(")
		r.node(s.Value)
		r.lit(")")
	}
}

// recv rewrites <-ch to ch.Recv(), and to ch.Recv2() where the receive
// reports whether it succeeded (v, ok := <-ch). Receives that are cases of
// a select are rewritten by the select.
func (r *fileRewriter) recv(u *ast.UnaryExpr, stack []ast.Node) {
	if tpHasChan(r.typeOf(u.X)) {
		r.refuse(u.Pos(), "receive from a type parameter that may be a channel cannot run under the simulator")
		return
	}
	method := ".Recv()"
	switch p := parent(stack).(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == 2 && len(p.Rhs) == 1 {
			method = ".Recv2()"
		}
	case *ast.ValueSpec:
		if len(p.Names) == 2 && len(p.Values) == 1 {
			method = ".Recv2()"
		}
	}
	r.rules[u] = func() {
		r.chanOperand(u.X)
		r.lit(method)
	}
}

// rangeStmt rewrites for v := range ch to for v := range ch.Range().
func (r *fileRewriter) rangeStmt(rs *ast.RangeStmt) {
	t := r.typeOf(rs.X)
	if tpHasChan(t) {
		r.refuse(rs.Pos(), "range over a type parameter that may be a channel cannot run under the simulator")
		return
	}
	if !r.isChan(rs.X) {
		return
	}
	if r.oldRange() {
		r.oldRangeStmt(rs)
		return
	}
	r.rules[rs] = func() {
		r.span(rs.Pos(), rs.X.Pos(), rs)
		r.chanOperand(rs.X)
		r.lit(".Range()")
		r.span(rs.X.End(), rs.End(), rs)
	}
}

// tokenAfter returns the position of the first tok in the original text
// between from and to, skipping comments, or token.NoPos.
func (r *fileRewriter) tokenAfter(from, to token.Pos, tok byte) token.Pos {
	s := r.src[r.off(from):r.off(to)]
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '/' && i+1 < len(s) && s[i+1] == '/':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case s[i] == '/' && i+1 < len(s) && s[i+1] == '*':
			i += 2
			for i+1 < len(s) && !(s[i] == '*' && s[i+1] == '/') {
				i++
			}
			i++
		case s[i] == tok:
			return from + token.Pos(i)
		}
	}
	return token.NoPos
}

// oldRangeStmt rewrites a range over a channel for a file older than go1.23,
// which cannot range over a function, to a three-clause loop that evaluates
// the channel once:
//
//	for v := range ch {     ->  for c, v, ok := first(ch); ok; v, ok = c.Recv2() {
//	for range ch {          ->  for c, _, ok := first(ch); ok; _, ok = c.Recv2() {
//	for x.f = range ch {    ->  for c, v, ok := first(ch); ok; v, ok = c.Recv2() { x.f = v;
//
// Its variables are per iteration exactly when the range's would be (from
// go1.22, for both kinds of loop).
func (r *fileRewriter) oldRangeStmt(rs *ast.RangeStmt) {
	r.needRecv = true
	c, ok := r.temp("c"), r.temp("ok")
	r.rules[rs] = func() {
		v := "_"
		assign := false
		if rs.Key != nil {
			if id, isID := rs.Key.(*ast.Ident); isID && (rs.Tok == token.DEFINE || id.Name == "_") {
				v = id.Name
			} else {
				v, assign = r.temp("v"), true
			}
		}
		r.lit("for " + c + ", " + v + ", " + ok + " := " + r.recvName + "(")
		r.chanOperand(rs.X)
		r.lit("); " + ok + "; " + v + ", " + ok + " = " + c + ".Recv2()")
		r.moved = true
		if !assign {
			r.span(rs.X.End(), rs.End(), rs)
			return
		}
		r.span(rs.X.End(), rs.Body.Lbrace+1, rs)
		r.lit(" ")
		r.node(rs.Key)
		r.lit(" = " + v + ";")
		r.span(rs.Body.Lbrace+1, rs.End(), rs)
	}
}
