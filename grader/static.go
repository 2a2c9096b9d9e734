package grader

import (
	"context"
	"fmt"
	"go/ast"
	"strings"
)

func init() {
	register(kindOf[staticSettings]{name: "static", in: otherLane, run: staticCheck{}.Check})
}

// staticSettings are the settings of a "static" check: the constructs the
// learner's files must use or must not use, in the vocabulary below.
type staticSettings struct {
	Require       []string `yaml:"require"`
	Forbid        []string `yaml:"forbid"`
	CloseBySender bool     `yaml:"close-by-sender"`
}

// staticCheck reads the learner's files (without compiling them) for constructs the
// exercise requires or forbids. The vocabulary of a rule:
//
//	pkg.Name        any use of a package-level name: "time.Sleep", "sync.WaitGroup"
//	make(chan)      a channel is made
//	make(chan, N)   a channel is made with the constant capacity N (0: unbuffered)
//	go, select, select-default, close, defer
//
// close-by-sender: every close(ch) happens in a function that also sends on ch,
// so that the sending side, which knows when it is done, is the one that closes.
type staticCheck struct{}

func (staticCheck) Check(ctx context.Context, env *Env, c staticSettings) CheckResult {
	res := CheckResult{Name: "static", Status: Pass}
	// Names resolved with go/types: a dot or renamed import of time still
	// names time.Sleep, and a variable called time does not.
	files := env.typed()
	var problems []string
	for _, rule := range c.Require {
		if len(findRule(files, rule)) == 0 {
			problems = append(problems, fmt.Sprintf("the exercise asks for %s, and your code has none", describeRule(rule)))
		}
	}
	for _, rule := range c.Forbid {
		for _, at := range findRule(files, rule) {
			problems = append(problems, fmt.Sprintf("%s: %s is not allowed here: %s", at, describeRule(rule), forbidReason(rule)))
			if res.Location == nil {
				res.Location = &at
			}
		}
	}
	if c.CloseBySender {
		problems = append(problems, closesOffSender(files)...)
	}
	if len(problems) > 0 {
		res.Status = Fail
		res.Message = strings.Join(limitLines(problems, 10), "\n")
	}
	return res
}

// findRule returns where the files use what rule names.
func findRule(files []*typedFile, rule string) []Location {
	var found []Location
	for _, f := range files {
		ast.Inspect(f.file, func(n ast.Node) bool {
			if n != nil && matches(rule, n, f.refs) {
				found = append(found, Location{File: f.name, Line: f.fset.Position(n.Pos()).Line})
			}
			return true
		})
	}
	return found
}

// matches reports whether node n is what rule names; refs are the file's
// resolved uses of other packages' names.
func matches(rule string, n ast.Node, refs map[ast.Node]string) bool {
	switch rule {
	case "go":
		_, ok := n.(*ast.GoStmt)
		return ok
	case "defer":
		_, ok := n.(*ast.DeferStmt)
		return ok
	case "select":
		_, ok := n.(*ast.SelectStmt)
		return ok
	case "select-default":
		cc, ok := n.(*ast.CommClause)
		return ok && cc.Comm == nil
	case "close":
		call, ok := n.(*ast.CallExpr)
		id, isID := callee(call, ok)
		return isID && id == "close"
	}
	if strings.HasPrefix(rule, "make(chan") {
		call, ok := n.(*ast.CallExpr)
		if id, isID := callee(call, ok); !isID || id != "make" || len(call.Args) == 0 {
			return false
		}
		if _, isChan := call.Args[0].(*ast.ChanType); !isChan {
			return false
		}
		want := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(rule, "make(chan"), ")"))
		if want == "" {
			return true
		}
		want = strings.TrimSpace(strings.TrimPrefix(want, ","))
		size := "0"
		if len(call.Args) > 1 {
			lit, ok := call.Args[1].(*ast.BasicLit)
			if !ok {
				return false
			}
			size = lit.Value
		}
		return size == want
	}
	if strings.Contains(rule, ".") {
		ref, ok := refs[n]
		return ok && ref == rule
	}
	return false
}

// callee returns the name of a call's function when it is a plain identifier.
func callee(call *ast.CallExpr, ok bool) (string, bool) {
	if !ok {
		return "", false
	}
	id, isID := call.Fun.(*ast.Ident)
	if !isID {
		return "", false
	}
	return id.Name, true
}

// forbidReason says why an exercise may forbid what rule names, and what to do
// instead, in the lessons' words.
func forbidReason(rule string) string {
	switch {
	case rule == "time.Sleep":
		return "a sleep guesses how long something takes, and the guess is wrong on some machine or schedule; wait for the event itself (receive from a channel, sync.WaitGroup.Wait, a context's Done)"
	case rule == "select-default":
		return "a default case polls instead of waiting; let the select block until a case is ready"
	case rule == "go":
		return "this exercise is solved without starting goroutines of your own"
	case rule == "close":
		return "this exercise is solved without closing a channel"
	case strings.HasPrefix(rule, "make(chan"):
		return "this exercise asks for another kind of channel; see its hints"
	case rule == "sync.Mutex" || rule == "sync.RWMutex":
		return "this exercise is about communicating instead of sharing memory; pass the values on a channel"
	}
	return "the exercise asks you to do without it; see its hints for the way the lesson does it"
}

func describeRule(rule string) string {
	switch rule {
	case "go":
		return "a go statement"
	case "defer":
		return "a defer statement"
	case "select":
		return "a select statement"
	case "select-default":
		return "a select with a default case"
	case "close":
		return "close"
	case "make(chan)":
		return "a channel"
	}
	if strings.HasPrefix(rule, "make(chan") {
		size := strings.TrimSpace(strings.TrimPrefix(strings.TrimSuffix(strings.TrimPrefix(rule, "make(chan"), ")"), ","))
		if size == "0" {
			return "an unbuffered channel (make(chan T))"
		}
		return "a channel with a buffer of " + size + " (make(chan T, " + size + "))"
	}
	return rule
}

// closesOffSender reports every close(ch) in a function that never sends on ch.
func closesOffSender(files []*typedFile) []string {
	var problems []string
	for _, f := range files {
		// A deferred function literal (defer func() { close(ch) }()) belongs to
		// the function that defers it.
		deferred := map[*ast.FuncLit]bool{}
		var funcs []ast.Node
		ast.Inspect(f.file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.DeferStmt:
				if lit, ok := n.Call.Fun.(*ast.FuncLit); ok {
					deferred[lit] = true
				}
			case *ast.FuncDecl:
				funcs = append(funcs, n)
			case *ast.FuncLit:
				funcs = append(funcs, n)
			}
			return true
		})
		for _, fn := range funcs {
			if lit, ok := fn.(*ast.FuncLit); ok && deferred[lit] {
				continue
			}
			body := funcBody(fn)
			if body == nil {
				continue
			}
			sends := map[string]bool{}
			var closes []*ast.CallExpr
			inspectOwn(body, deferred, func(n ast.Node) {
				switch n := n.(type) {
				case *ast.SendStmt:
					sends[exprKey(n.Chan)] = true
				case *ast.CallExpr:
					if id, ok := callee(n, true); ok && id == "close" && len(n.Args) == 1 {
						closes = append(closes, n)
					}
				}
			})
			for _, c := range closes {
				if !sends[exprKey(c.Args[0])] {
					problems = append(problems, fmt.Sprintf("%s: close(%s) is not on the sending side: the function that closes a channel should be the one that sends on it", f.at(c), exprKey(c.Args[0])))
				}
			}
		}
	}
	return problems
}

func funcBody(n ast.Node) *ast.BlockStmt {
	switch fn := n.(type) {
	case *ast.FuncDecl:
		return fn.Body
	case *ast.FuncLit:
		return fn.Body
	}
	return nil
}

// inspectOwn visits the nodes of a function body, and of the function literals it
// defers, but not those of other function literals inside it: they are functions
// of their own.
func inspectOwn(body *ast.BlockStmt, deferred map[*ast.FuncLit]bool, visit func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if lit, ok := n.(*ast.FuncLit); ok && !deferred[lit] {
			return false
		}
		visit(n)
		return true
	})
}

// exprKey names a channel expression for comparison: "ch", "w.out".
func exprKey(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return exprKey(e.X) + "." + e.Sel.Name
	case *ast.ParenExpr:
		return exprKey(e.X)
	}
	return fmt.Sprintf("%T", e)
}
