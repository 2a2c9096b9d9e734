package rewrite

import (
	"go/ast"
	"go/types"
)

// sharedTypes are types of the replaced packages that their drop-ins share
// with the standard library (the drop-ins declare them as aliases), so
// values of them may cross into packages that are not rewritten.
var sharedTypes = map[string]bool{
	"time.Duration":              true,
	"time.Time":                  true,
	"time.Month":                 true,
	"time.Weekday":               true,
	"time.Location":              true,
	"time.ParseError":            true,
	"runtime.Error":              true,
	"runtime.Frame":              true,
	"runtime.Frames":             true,
	"runtime.Func":               true,
	"runtime.MemStats":           true,
	"runtime.TypeAssertionError": true,
	"math/rand.Rand":             true,
	"math/rand.Source":           true,
	"math/rand.Source64":         true,
	"math/rand.Zipf":             true,
	"math/rand/v2.ChaCha8":       true,
	"math/rand/v2.PCG":           true,
	"math/rand/v2.Rand":          true,
	"math/rand/v2.Source":        true,
	"math/rand/v2.Zipf":          true,
}

// reflectChanOps are the parts of reflect that operate on channels.
var reflectChanOps = map[string]bool{
	"Select":     true,
	"SelectCase": true,
	"MakeChan":   true,
	"ChanOf":     true,
	"Send":       true, // Value methods
	"Recv":       true,
	"TrySend":    true,
	"TryRecv":    true,
	"Close":      true,
}

// objName names obj as a learner would write it: time.Sleep, errgroup.Group,
// testing.T.Context.
func objName(obj types.Object) string {
	if f, ok := obj.(*types.Func); ok {
		if recv := f.Signature().Recv(); recv != nil {
			t := recv.Type()
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			if n, ok := types.Unalias(t).(*types.Named); ok {
				return n.Obj().Pkg().Name() + "." + n.Obj().Name() + "." + obj.Name()
			}
		}
	}
	if obj.Pkg() == nil {
		return obj.Name()
	}
	return obj.Pkg().Name() + "." + obj.Name()
}

// external reports whether path is a package that is neither rewritten nor
// replaced by a drop-in.
func (r *fileRewriter) external(path string) bool {
	return !r.inPkg[path] && !r.swapped(path)
}

// checkObject refuses a package-level object of another package whose type
// would carry a channel, a lock or a clock between simulated and real code.
func (r *fileRewriter) checkObject(id *ast.Ident, obj types.Object) {
	path := obj.Pkg().Path()
	if path == "reflect" && reflectChanOps[obj.Name()] {
		r.refuse(id.Pos(), "%s cannot run under the simulator", objName(obj))
		return
	}
	if !r.external(path) || path == "unsafe" {
		return
	}
	var what string
	switch obj.(type) {
	case *types.TypeName:
		if std(path) {
			return
		}
		what = r.badType(obj.Type(), true)
	case *types.Func, *types.Var:
		what = r.badType(obj.Type(), !std(path))
	default:
		return
	}
	if what != "" {
		r.refuse(id.Pos(), "%s uses %s of package %s, which the simulator does not rewrite", objName(obj), what, obj.Pkg().Name())
	}
}

// checkSelection refuses fields and methods reached through types of other
// packages that would carry a channel, a lock or a clock between simulated
// and real code, such as the Lock method of a real sync.Mutex embedded in
// a type of another package.
func (r *fileRewriter) checkSelection(sel *ast.SelectorExpr, s *types.Selection) {
	obj := s.Obj()
	if obj.Pkg() == nil {
		return
	}
	path := obj.Pkg().Path()
	if path == "reflect" && reflectChanOps[obj.Name()] {
		r.refuse(sel.Sel.Pos(), "%s cannot run under the simulator", objName(obj))
		return
	}
	if r.inPkg[path] {
		return
	}
	if r.swapped(path) {
		// The learner's own uses of sync, time, ... are swapped; one
		// promoted through a type of another package is the real thing.
		t := s.Recv()
		idx := s.Index()
		for k := 0; k < len(idx); k++ {
			if n := namedOf(t); n != nil && n.Obj().Pkg() != nil && r.external(n.Obj().Pkg().Path()) {
				r.refuse(sel.Sel.Pos(), "%s is reached through %s.%s, which the simulator does not rewrite",
					objName(obj), n.Obj().Pkg().Name(), n.Obj().Name())
				return
			}
			if k == len(idx)-1 {
				break
			}
			st, ok := deref(t).Underlying().(*types.Struct)
			if !ok {
				break
			}
			t = st.Field(idx[k]).Type()
		}
		return
	}
	deep := !std(path)
	what := r.badType(obj.Type(), deep)
	if _, isMethod := obj.(*types.Func); what == "" && deep && isMethod {
		what = r.badType(s.Recv(), true)
	}
	if what != "" {
		name := objName(obj)
		if n := namedOf(s.Recv()); n != nil && n.Obj().Pkg() != nil {
			name = n.Obj().Pkg().Name() + "." + n.Obj().Name() + "." + obj.Name()
		}
		r.refuse(sel.Sel.Pos(), "%s uses %s of package %s, which the simulator does not rewrite", name, what, obj.Pkg().Name())
	}
}

// externalCall refuses channels handed to functions of other packages as
// interface values (fmt.Printf("%T", ch) prints a channel's type,
// reflect.ValueOf(ch) inspects one; neither knows sim.Chan), and unsafe on
// values that hold channels.
func (r *fileRewriter) externalCall(call *ast.CallExpr) {
	var obj types.Object
	switch f := unparen(call.Fun).(type) {
	case *ast.Ident:
		obj = r.info.Uses[f]
	case *ast.SelectorExpr:
		obj = r.info.Uses[f.Sel]
		if x, ok := f.X.(*ast.Ident); ok {
			if pn, ok := r.info.Uses[x].(*types.PkgName); ok && pn.Imported().Path() == "unsafe" {
				for _, a := range call.Args {
					if r.holdsChan(r.typeOf(a)) {
						r.refuse(call.Pos(), "unsafe.%s of a value holding a channel cannot run under the simulator", f.Sel.Name)
						return
					}
				}
				return
			}
		}
	}
	if obj == nil || obj.Pkg() == nil || !r.external(obj.Pkg().Path()) {
		return
	}
	t := r.typeOf(call.Fun)
	if t == nil {
		return
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok {
		return
	}
	for i, a := range call.Args {
		// A channel inside a struct or slice prints as an address either
		// way; a channel itself prints (and reflects) as what it is.
		if !r.isChan(a) {
			continue
		}
		var pt types.Type
		switch params := sig.Params(); {
		case sig.Variadic() && i >= params.Len()-1:
			pt = params.At(params.Len() - 1).Type()
			if !call.Ellipsis.IsValid() {
				pt = pt.(*types.Slice).Elem()
			}
		case i < params.Len():
			pt = params.At(i).Type()
		}
		if pt != nil && types.IsInterface(pt) {
			r.refuse(a.Pos(), "passing a channel to %s cannot run under the simulator", objName(obj))
			return
		}
	}
}

// holdsChan reports whether a value of type t is or directly holds a
// channel (through pointers, arrays, slices, maps and struct fields).
func (r *fileRewriter) holdsChan(t types.Type) bool {
	seen := map[types.Type]bool{}
	var walk func(t types.Type) bool
	walk = func(t types.Type) bool {
		if t == nil || seen[t] {
			return false
		}
		seen[t] = true
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && !r.inPkg[n.Obj().Pkg().Path()] {
			return false // its channels are real ones, not rewritten
		}
		switch u := t.Underlying().(type) {
		case *types.Chan:
			return true
		case *types.Pointer:
			return walk(u.Elem())
		case *types.Slice:
			return walk(u.Elem())
		case *types.Array:
			return walk(u.Elem())
		case *types.Map:
			return walk(u.Key()) || walk(u.Elem())
		case *types.Struct:
			for i := 0; i < u.NumFields(); i++ {
				if walk(u.Field(i).Type()) {
					return true
				}
			}
		}
		return false
	}
	return walk(t)
}

// badType describes what in t cannot cross between rewritten and real
// code: a channel, or a type of a replaced package (sync.Mutex,
// context.Context, time.Timer) other than the shared ones. With deep, it
// looks inside the named types of other packages too, unexported fields
// included.
func (r *fileRewriter) badType(t types.Type, deep bool) string {
	seen := map[types.Type]bool{}
	var walk func(t types.Type) string
	walk = func(t types.Type) string {
		if t == nil || seen[t] {
			return ""
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.Alias:
			return walk(types.Unalias(t))
		case *types.Named:
			obj := t.Obj()
			if obj.Pkg() == nil {
				return "" // error, comparable
			}
			path := obj.Pkg().Path()
			if r.swapped(path) {
				if sharedTypes[path+"."+obj.Name()] {
					return ""
				}
				return obj.Pkg().Name() + "." + obj.Name()
			}
			if r.inPkg[path] {
				return ""
			}
			for i := 0; i < t.TypeArgs().Len(); i++ {
				if w := walk(t.TypeArgs().At(i)); w != "" {
					return w
				}
			}
			if deep {
				return walk(t.Underlying())
			}
			if _, ok := t.Underlying().(*types.Chan); ok {
				return "a channel"
			}
		case *types.Chan:
			return "a channel"
		case *types.Pointer:
			return walk(t.Elem())
		case *types.Slice:
			return walk(t.Elem())
		case *types.Array:
			return walk(t.Elem())
		case *types.Map:
			if w := walk(t.Key()); w != "" {
				return w
			}
			return walk(t.Elem())
		case *types.Signature:
			if w := walk(t.Params()); w != "" {
				return w
			}
			return walk(t.Results())
		case *types.Tuple:
			for i := 0; i < t.Len(); i++ {
				if w := walk(t.At(i).Type()); w != "" {
					return w
				}
			}
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				if w := walk(t.Field(i).Type()); w != "" {
					return w
				}
			}
		}
		return ""
	}
	return walk(t)
}

func namedOf(t types.Type) *types.Named {
	n, _ := types.Unalias(deref(t)).(*types.Named)
	return n
}

func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}
