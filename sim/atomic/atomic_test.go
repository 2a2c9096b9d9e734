package atomic_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	stdatomic "sync/atomic"
	"testing"
	"unsafe"

	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/atomic"
)

func panicOf(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

// The same sequence of operations gives the same results and panics.
func TestDifferential(t *testing.T) {
	real := func() string {
		var b strings.Builder
		var i32 int32
		var u64 uint64
		var up uintptr
		fmt.Fprint(&b, stdatomic.AddInt32(&i32, 5), stdatomic.AndInt32(&i32, 4), stdatomic.OrInt32(&i32, 3), stdatomic.LoadInt32(&i32), " ")
		fmt.Fprint(&b, stdatomic.CompareAndSwapUint64(&u64, 1, 2), stdatomic.CompareAndSwapUint64(&u64, 0, 9), stdatomic.SwapUint64(&u64, 3), stdatomic.AddUint64(&u64, ^uint64(0)), " ")
		stdatomic.StoreUintptr(&up, 8)
		fmt.Fprint(&b, stdatomic.AddUintptr(&up, 1), " ")
		var x int
		p := unsafe.Pointer(&x)
		var ptr unsafe.Pointer
		fmt.Fprint(&b, stdatomic.CompareAndSwapPointer(&ptr, nil, p), stdatomic.LoadPointer(&ptr) == p, " ")
		var bo stdatomic.Bool
		var i64 stdatomic.Int64
		var pt stdatomic.Pointer[int]
		fmt.Fprint(&b, bo.Swap(true), bo.CompareAndSwap(true, false), bo.Load(), " ")
		fmt.Fprint(&b, i64.Add(-3), i64.Or(8), i64.And(12), i64.Load(), i64.Swap(1), " ")
		fmt.Fprint(&b, pt.Load() == nil, pt.CompareAndSwap(nil, &x), pt.Load() == &x, " ")
		var v stdatomic.Value
		fmt.Fprintf(&b, "%v %q %q ", v.Load(), panicOf(func() { v.Store(nil) }), panicOf(func() { v.Store(1); v.Store("x") }))
		fmt.Fprintf(&b, "%v %q %v", v.Swap(2), panicOf(func() { v.CompareAndSwap(2, "y") }), v.CompareAndSwap(2, 3))
		return b.String()
	}
	simulated := func() string {
		var b strings.Builder
		var i32 int32
		var u64 uint64
		var up uintptr
		fmt.Fprint(&b, atomic.AddInt32(&i32, 5), atomic.AndInt32(&i32, 4), atomic.OrInt32(&i32, 3), atomic.LoadInt32(&i32), " ")
		fmt.Fprint(&b, atomic.CompareAndSwapUint64(&u64, 1, 2), atomic.CompareAndSwapUint64(&u64, 0, 9), atomic.SwapUint64(&u64, 3), atomic.AddUint64(&u64, ^uint64(0)), " ")
		atomic.StoreUintptr(&up, 8)
		fmt.Fprint(&b, atomic.AddUintptr(&up, 1), " ")
		var x int
		p := unsafe.Pointer(&x)
		var ptr unsafe.Pointer
		fmt.Fprint(&b, atomic.CompareAndSwapPointer(&ptr, nil, p), atomic.LoadPointer(&ptr) == p, " ")
		var bo atomic.Bool
		var i64 atomic.Int64
		var pt atomic.Pointer[int]
		fmt.Fprint(&b, bo.Swap(true), bo.CompareAndSwap(true, false), bo.Load(), " ")
		fmt.Fprint(&b, i64.Add(-3), i64.Or(8), i64.And(12), i64.Load(), i64.Swap(1), " ")
		fmt.Fprint(&b, pt.Load() == nil, pt.CompareAndSwap(nil, &x), pt.Load() == &x, " ")
		var v atomic.Value
		fmt.Fprintf(&b, "%v %q %q ", v.Load(), panicOf(func() { v.Store(nil) }), panicOf(func() { v.Store(1); v.Store("x") }))
		fmt.Fprintf(&b, "%v %q %v", v.Swap(2), panicOf(func() { v.CompareAndSwap(2, "y") }), v.CompareAndSwap(2, 3))
		return b.String()
	}
	want := real()
	if got := simulated(); got != want {
		t.Fatalf("outside a run:\nsim:  %s\nreal: %s", got, want)
	}
	var got string
	r := sim.Run(func() { got = simulated() }, sim.Options{})
	if r.Failed() || got != want {
		t.Fatalf("in a run:\nsim:  %s\nreal: %s\n%v", got, want, r)
	}
}

// finals explores every schedule with up to two preemptions and returns
// the set of outputs.
func finals(t *testing.T, body func()) []string {
	t.Helper()
	set := map[string]bool{}
	rep := sim.Explore(body, sim.Config{Strategy: sim.DFS(2), Schedules: 100_000, KeepGoing: true,
		Each: func(r *sim.Result) { set[r.Outcome.String()+"|"+r.Output] = true }})
	if !rep.Exhausted {
		t.Fatalf("not exhausted after %d schedules", rep.Schedules)
	}
	var out []string
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func counter(inc func(*int64)) func() {
	return func() {
		var n int64
		done := sim.MakeChan[bool](0)
		for range 2 {
			sim.Go(func() { inc(&n); inc(&n); done.Send(true) })
		}
		done.Recv()
		done.Recv()
		fmt.Fprint(sim.Stdout(), atomic.LoadInt64(&n))
	}
}

// Each atomic operation is a schedule point and indivisible: increments are
// never lost. A load followed by a store is not: DFS finds the lost update.
func TestEachOperationIsAStep(t *testing.T) {
	if got := finals(t, counter(func(p *int64) { atomic.AddInt64(p, 1) })); !slices.Equal(got, []string{"pass|4"}) {
		t.Errorf("AddInt64: %v", got)
	}
	got := finals(t, counter(func(p *int64) { atomic.StoreInt64(p, atomic.LoadInt64(p)+1) }))
	if !slices.Contains(got, "pass|2") || !slices.Contains(got, "pass|4") {
		t.Errorf("Load then Store: %v", got)
	}
	var c atomic.Int64
	if got := finals(t, func() {
		c = atomic.Int64{}
		counter(func(*int64) {
			for {
				old := c.Load()
				if c.CompareAndSwap(old, old+1) {
					return
				}
			}
		})()
		fmt.Fprint(sim.Stdout(), " ", c.Load())
	}); !slices.Equal(got, []string{"pass|0 4"}) {
		t.Errorf("CAS loop: %v", got)
	}
}

func TestTrace(t *testing.T) {
	r := sim.Run(func() {
		var n atomic.Uint32
		n.Add(1)
	}, sim.Options{})
	found := false
	for _, e := range r.Trace {
		if e.Op == "atomic" && e.Detail == "Uint32.Add" {
			found = true
		}
	}
	if !found {
		t.Errorf("no atomic event in %v", r.Trace)
	}
}
