package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
)

// A commCase is one case of a select, as the rewriter sees it.
type commCase struct {
	cc   *ast.CommClause
	send bool
	ch   ast.Expr    // channel operand; nil for default
	val  ast.Expr    // sent value
	lhs  []ast.Expr  // v, ok of a receive, if assigned
	tok  token.Token // token.DEFINE or token.ASSIGN
}

// selectStmt rewrites a select into a switch on sim.Select:
//
//	select {                     { _sc1 := ch1; _sv2 := zero(_sc1); var _sok3 bool; _sc4 := ch2; _sx5 := zero(_sc4); _sx5 = x
//	case v, ok := <-ch1:         switch sim.Select(false, sim.RecvCase(_sc1, &_sv2, &_sok3), sim.SendCase(_sc4, _sx5)) {
//	    ...                      case 0: v, ok := _sv2, _sok3; ...
//	case ch2 <- x:               case 1: ...
//	    ...                      ; default: panic("unreachable") }}
//	}
//
// The channel operands and sent values are evaluated once, in source order,
// before the select, as the spec says; the left-hand sides of a receive are
// assigned only when its case is chosen. The select's default becomes the
// switch's default (Select returns -1 for it), and a select without one
// gets a default that cannot be reached, so that a select that was a
// terminating statement stays one.
func (r *fileRewriter) selectStmt(s *ast.SelectStmt, stack []ast.Node) {
	var label *ast.LabeledStmt
	if l, ok := parent(stack).(*ast.LabeledStmt); ok && l.Stmt == s {
		label = l
	}
	var cases []commCase
	hasDefault := false
	for _, st := range s.Body.List {
		cc := st.(*ast.CommClause)
		c := commCase{cc: cc}
		switch comm := cc.Comm.(type) {
		case nil:
			hasDefault = true
		case *ast.SendStmt:
			c.send, c.ch, c.val = true, comm.Chan, comm.Value
		case *ast.ExprStmt:
			u, _ := isRecv(comm.X)
			c.ch = u.X
		case *ast.AssignStmt:
			u, _ := isRecv(comm.Rhs[0])
			c.ch, c.lhs, c.tok = u.X, comm.Lhs, comm.Tok
		default:
			r.refuse(cc.Pos(), "select case %T cannot be rewritten", comm)
			return
		}
		if c.ch != nil && tpHasChan(r.typeOf(c.ch)) {
			r.refuse(cc.Pos(), "select on a type parameter that may be a channel cannot run under the simulator")
			return
		}
		cases = append(cases, c)
	}
	target := ast.Node(s)
	if label != nil {
		target = label
	}
	r.rules[target] = func() { r.writeSelect(s, label, cases, hasDefault) }
}

func (r *fileRewriter) writeSelect(s *ast.SelectStmt, label *ast.LabeledStmt, cases []commCase, hasDefault bool) {
	r.moved = true
	r.lit("{ ")
	var args []string
	assign := map[*ast.CommClause][2]string{} // temporaries of a receive's v, ok
	index := map[*ast.CommClause]int{}
	for _, c := range cases {
		if c.ch == nil {
			continue
		}
		index[c.cc] = len(args)
		ch := r.temp("c")
		r.lit(ch + " := ")
		r.at(c.ch.Pos())
		r.node(c.ch)
		if r.wrapped(r.typeOf(c.ch)) {
			r.lit(".Chan")
		}
		r.lit("; ")
		if c.send {
			x := r.temp("x")
			r.lit(fmt.Sprintf("%s := %s(%s); %s = ", x, r.zero(), ch, x))
			r.at(c.val.Pos())
			r.node(c.val)
			r.lit("; ")
			args = append(args, fmt.Sprintf("%s(%s, %s)", r.simRef("SendCase"), ch, x))
			continue
		}
		v, ok := "nil", "nil"
		var tv [2]string
		if len(c.lhs) >= 1 {
			tv[0] = r.temp("v")
			r.lit(fmt.Sprintf("%s := %s(%s); ", tv[0], r.zero(), ch))
			v = "&" + tv[0]
		}
		if len(c.lhs) == 2 {
			tv[1] = r.temp("ok")
			r.lit(fmt.Sprintf("var %s bool; ", tv[1]))
			ok = "&" + tv[1]
		}
		assign[c.cc] = tv
		args = append(args, fmt.Sprintf("%s(%s, %s, %s)", r.simRef("RecvCase"), ch, v, ok))
	}
	if label != nil {
		r.at(label.Pos())
		r.span(label.Pos(), s.Pos(), label)
	}
	r.at(s.Pos())
	r.lit(fmt.Sprintf("switch %s(%v", r.simRef("Select"), hasDefault))
	for _, a := range args {
		r.lit(", " + a)
	}
	r.lit(") {")
	prev := s.Body.Lbrace + 1
	for _, c := range cases {
		r.orig(prev, c.cc.Pos())
		r.at(c.cc.Pos())
		if c.ch == nil {
			r.lit("default:")
		} else {
			r.lit(fmt.Sprintf("case %d:", index[c.cc]))
			if tv := assign[c.cc]; tv[0] != "" {
				r.lit(" ")
				for i, l := range c.lhs {
					if i > 0 {
						r.lit(", ")
					}
					r.node(l)
				}
				rhs := tv[0]
				if tv[1] != "" {
					rhs += ", " + tv[1]
				}
				r.lit(fmt.Sprintf(" %s %s;", c.tok, rhs))
			}
		}
		r.at(c.cc.Colon + 1)
		r.span(c.cc.Colon+1, c.cc.End(), c.cc)
		prev = c.cc.End()
	}
	r.orig(prev, s.Body.Rbrace)
	if !hasDefault {
		if len(cases) > 0 {
			r.lit(";")
		}
		r.lit(` default: panic("unreachable: sim.Select chose no case") `)
	}
	r.lit("}}")
}

// zero returns the name of the package's zero-value helper.
func (r *fileRewriter) zero() string {
	r.needZero = true
	return r.zeroName
}
