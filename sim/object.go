package sim

import "strconv"

// Object gives a synchronisation object of a drop-in package (a sync.Mutex,
// a WaitGroup, a context, the signal table) a name in traces and reports
// ("mutex#1", "waitgroup#2"), and keeps runs apart.
//
// Many runs share one process, and a package-level lock lives on from one
// run to the next. A run that deadlocked may leave it locked, with the
// goroutines of that run still in its queue; the next run must find it as a
// new process would. So the drop-in calls Use at the start of each operation
// and zeroes its state when Use reports that an earlier run changed it, and
// calls Changed whenever it changes that state. State set up outside any run
// (in an init function, before the first run) is kept.
//
// The zero value is ready to use. The drop-in embeds it as a field and passes
// its address to Park and Event as the object waited on.
type Object struct {
	changed uint64 // the run that last changed the object's state; 0: none
	named   uint64 // the run in which id was given
	id      int32  // its number among the objects of its kind in that run
	kind    string // "mutex", "waitgroup", ...
}

// objIDs numbers the objects of each kind in the run in progress. (A slice,
// not a map: the runtime's map code tells the race detector about its
// accesses, and sim's own memory must stay invisible to it; see race.md.)
var objIDs struct {
	gen   uint64
	kinds []objCount
}

type objCount struct {
	kind string
	n    int32
}

// Use marks the start of an operation on the object, which is of the given
// kind, by the running goroutine. It reports whether the object's state was
// changed by an earlier run: the caller must then zero it. Outside a run it
// does nothing and reports false.
//
//go:norace
func (o *Object) Use(kind string) (stale bool) {
	gp := getg()
	if gp == nil {
		return false
	}
	s := gp.s
	if o.named != s.gen {
		if objIDs.gen != s.gen {
			objIDs.gen = s.gen
			objIDs.kinds = objIDs.kinds[:0]
		}
		i := 0
		for i < len(objIDs.kinds) && objIDs.kinds[i].kind != kind {
			i++
		}
		if i == len(objIDs.kinds) {
			objIDs.kinds = append(objIDs.kinds, objCount{kind: kind})
		}
		objIDs.kinds[i].n++
		o.id = objIDs.kinds[i].n
		o.kind = kind
		o.named = s.gen
	}
	if o.changed != 0 && o.changed != s.gen {
		o.changed = 0
		return true
	}
	return false
}

// Changed records that the running goroutine's run changed the object's
// state. Outside a run it does nothing.
//
//go:norace
func (o *Object) Changed() {
	if gp := getg(); gp != nil {
		o.changed = gp.s.gen
	}
}

// TraceName names the object in traces and reports: its kind and its number
// in the run, such as "mutex#1".
//
//go:norace
func (o *Object) TraceName() string {
	if o.kind == "" {
		return "object"
	}
	return o.kind + "#" + strconv.Itoa(int(o.id))
}
