package sim

import (
	"runtime"
	"strings"
)

// panicRec is one panic of a goroutine's chain, as the runtime keeps it
// (runtime._panic): its value and whether a deferred call recovered it.
type panicRec struct {
	v          any
	recovered  bool
	repanicked bool
}

// Panicking records that the running goroutine starts a panic with v, and
// returns v. The rewriter turns panic(v) into panic(sim.Panicking(v)), so
// that a panic that ends the run is reported with the panics before it
// that are still running their deferred calls, as the runtime prints them.
//
//go:norace
func Panicking(v any) any {
	gp := getg()
	if gp == nil || gp.abandoned {
		return v
	}
	gp.panics = append(gp.livePanics(panicDepth()), panicRec{v: v})
	return v
}

// Recovered records that a deferred call of the running goroutine recovered
// v (when v is not nil), and returns v: the rewriter turns recover() into
// sim.Recovered(recover()).
//
//go:norace
func Recovered(v any) any {
	if v == nil {
		return v
	}
	gp := getg()
	if gp == nil || gp.abandoned {
		return v
	}
	recs := gp.livePanics(panicDepth())
	if len(recs) == 0 || !samePanic(recs[len(recs)-1].v, v) {
		recs = append(recs, panicRec{v: v}) // a runtime error: not from panic()
	}
	recs[len(recs)-1].recovered = true
	gp.panics = recs
	return v
}

// livePanics is gp's chain without the panics that have ended: n panics are
// running (runtime.gopanic frames on the stack), the oldest first.
//
//go:norace
func (gp *G) livePanics(n int) []panicRec {
	if len(gp.panics) > n {
		return gp.panics[:n]
	}
	return gp.panics
}

// panicDepth counts the panics in progress on the calling goroutine's stack.
//
//go:norace
func panicDepth() int {
	var pcs [128]uintptr
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs[:])])
	n := 0
	for {
		f, more := frames.Next()
		if f.Function == "runtime.gopanic" {
			n++
		}
		if !more {
			return n
		}
	}
}

//go:norace
func samePanic(a, b any) (same bool) {
	defer func() {
		if recover() != nil {
			same = false // not comparable
		}
	}()
	return a == b
}

// panicChain is what the runtime prints after "panic: " for the panic v
// that ends gp (runtime: printpanics): the panics still in progress before
// it, oldest first, each marked [recovered] when a deferred call recovered
// it, and a value panicked again where it was recovered printed once, as
// "[recovered, repanicked]". It is called from gp's deferred exit, with v
// already recovered.
//
//go:norace
func (gp *G) panicChain(v any) string {
	recs := gp.livePanics(panicDepth())
	if len(recs) == 0 || !samePanic(recs[len(recs)-1].v, v) {
		recs = append(recs, panicRec{v: v})
	}
	for i := 0; i+1 < len(recs); i++ {
		if samePanic(recs[i].v, recs[i+1].v) {
			recs[i].repanicked = true
		}
	}
	var b strings.Builder
	for i, p := range recs {
		if i > 0 {
			if recs[i-1].repanicked {
				break
			}
			b.WriteString("\n\tpanic: ")
		}
		b.WriteString(panicMessage(p.v))
		switch {
		case p.recovered && p.repanicked:
			b.WriteString(" [recovered, repanicked]")
		case p.recovered:
			b.WriteString(" [recovered]")
		}
	}
	gp.panics = nil
	return b.String()
}
