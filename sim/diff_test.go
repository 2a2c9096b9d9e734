package sim_test

// Differential tests: the same operations on a real channel and on a sim
// channel give the same results, and the same hchan fields after each step.
// The real hchan is read through unsafe; its layout is the one in
// $GOROOT/src/runtime/chan.go for Go 1.26.

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"unsafe"

	"github.com/gocourse/gocourse/sim"
)

// realHchan is runtime.hchan up to sendq (Go 1.26).
type realHchan struct {
	qcount   uint
	dataqsiz uint
	buf      unsafe.Pointer
	elemsize uint16
	closed   uint32
	timer    unsafe.Pointer
	elemtype unsafe.Pointer
	sendx    uint
	recvx    uint
	recvq    realWaitq
	sendq    realWaitq
}

type realWaitq struct{ first, last *realSudog }

// realSudog is the head of runtime.sudog.
type realSudog struct {
	g    unsafe.Pointer
	next *realSudog
	prev *realSudog
}

func (q *realWaitq) len() int {
	n := 0
	for s := (*realSudog)(atomicLoadPointer(unsafe.Pointer(&q.first))); s != nil; s = s.next {
		n++
	}
	return n
}

func atomicLoadPointer(p unsafe.Pointer) unsafe.Pointer {
	return atomic.LoadPointer((*unsafe.Pointer)(p))
}

func hchanOf[T any](c chan T) *realHchan { return *(**realHchan)(unsafe.Pointer(&c)) }

func requireLayout(t *testing.T) {
	t.Helper()
	if raceEnabled {
		// Closing a channel while a sender is parked on it is a data race in
		// Go's memory model, and the race detector rightly says so; the
		// scripts do it on purpose.
		t.Skip("the scripts race close against parked senders on purpose")
	}
	if !strings.HasPrefix(runtime.Version(), "go1.26") {
		t.Skipf("realHchan mirrors Go 1.26's runtime.hchan; this is %s", runtime.Version())
	}
}

type diffOp struct {
	kind string // send, recv, close, psend, precv, pselsend, pselrecv
	v    int
}

func (o diffOp) String() string { return fmt.Sprintf("%s(%d)", o.kind, o.v) }

func stateString(qcount, sendx, recvx, sq, rq int, closed bool) string {
	if raceEnabled {
		sendx, recvx = -1, -1
	}
	return fmt.Sprintf("qcount=%d sendx=%d recvx=%d sendq=%d recvq=%d closed=%v", qcount, sendx, recvx, sq, rq, closed)
}

func panicText(r any) string {
	if r == nil {
		return ""
	}
	if _, ok := r.(runtime.Error); !ok {
		return fmt.Sprintf("panic (not a runtime.Error): %v", r)
	}
	return fmt.Sprintf("panic: %v", r)
}

// runReal runs ops on a real channel of capacity size.
func runReal(size int, ops []diffOp) (steps []string, helpers []string) {
	c := make(chan int, size)
	h := hchanOf(c)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var done []*atomic.Bool
	state := func() string {
		return stateString(int(h.qcount), int(h.sendx), int(h.recvx), h.sendq.len(), h.recvq.len(), atomic.LoadUint32(&h.closed) != 0)
	}
	helper := func(q *realWaitq, f func() string) {
		mu.Lock()
		i := len(helpers)
		helpers = append(helpers, "")
		mu.Unlock()
		d := new(atomic.Bool)
		done = append(done, d)
		before := q.len()
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer d.Store(true)
			defer func() {
				if r := recover(); r != nil {
					mu.Lock()
					helpers[i] = panicText(r)
					mu.Unlock()
				}
			}()
			res := f()
			mu.Lock()
			helpers[i] = res
			mu.Unlock()
		}()
		for !d.Load() && q.len() == before {
			runtime.Gosched()
		}
	}
	for _, o := range ops {
		var res string
		func() {
			defer func() {
				if r := recover(); r != nil {
					res = panicText(r)
				}
			}()
			switch o.kind {
			case "send":
				select {
				case c <- o.v:
					res = "sent"
				default:
					res = "would block"
				}
			case "recv":
				select {
				case v, ok := <-c:
					res = fmt.Sprintf("got %d %v", v, ok)
				default:
					res = "would block"
				}
			case "close":
				close(c)
				res = "closed"
			case "psend":
				v := o.v
				helper(&h.sendq, func() string { c <- v; return "sent" })
			case "precv":
				helper(&h.recvq, func() string { v, ok := <-c; return fmt.Sprintf("got %d %v", v, ok) })
			case "pselsend":
				v := o.v
				never := make(chan int) // a channel of its own: no other helper can match it
				helper(&h.sendq, func() string {
					select {
					case c <- v:
						return "sent"
					case <-never:
						return "never"
					}
				})
			case "pselrecv":
				never := make(chan int)
				helper(&h.recvq, func() string {
					select {
					case v, ok := <-c:
						return fmt.Sprintf("got %d %v", v, ok)
					case never <- 0:
						return "never"
					}
				})
			}
		}()
		steps = append(steps, o.String()+" -> "+res+"; "+state())
	}
	func() {
		defer func() { recover() }()
		close(c)
	}()
	wg.Wait()
	return steps, helpers
}

// runSim runs ops on a sim channel of capacity size.
func runSim(t *testing.T, size int, ops []diffOp, seed uint64) (steps []string, helpers []string) {
	r := sim.Run(func() {
		c := sim.MakeChan[int](size)
		var done []*bool
		state := func() string {
			st := c.State()
			return stateString(st.QCount, st.SendX, st.RecvX, len(st.SendQ), len(st.RecvQ), st.Closed)
		}
		helper := func(q func() int, f func() string) {
			i := len(helpers)
			helpers = append(helpers, "")
			d := new(bool)
			done = append(done, d)
			before := q()
			sim.Go(func() {
				defer func() { *d = true }()
				defer func() {
					if r := recover(); r != nil {
						helpers[i] = panicText(r)
					}
				}()
				helpers[i] = f()
			})
			for !*d && q() == before {
				sim.Gosched()
			}
		}
		sendq := func() int { return len(c.State().SendQ) }
		recvq := func() int { return len(c.State().RecvQ) }
		for _, o := range ops {
			var res string
			func() {
				defer func() {
					if r := recover(); r != nil {
						res = panicText(r)
					}
				}()
				switch o.kind {
				case "send":
					if sim.Select(true, sim.SendCase(c, o.v)) == 0 {
						res = "sent"
					} else {
						res = "would block"
					}
				case "recv":
					var v int
					var ok bool
					if sim.Select(true, sim.RecvCase(c, &v, &ok)) == 0 {
						res = fmt.Sprintf("got %d %v", v, ok)
					} else {
						res = "would block"
					}
				case "close":
					c.Close()
					res = "closed"
				case "psend":
					v := o.v
					helper(sendq, func() string { c.Send(v); return "sent" })
				case "precv":
					helper(recvq, func() string { v, ok := c.Recv2(); return fmt.Sprintf("got %d %v", v, ok) })
				case "pselsend":
					v := o.v
					never := sim.MakeChan[int](0)
					helper(sendq, func() string {
						switch sim.Select(false, sim.SendCase(c, v), sim.RecvCase(never, nil, nil)) {
						case 0:
							return "sent"
						}
						return "never"
					})
				case "pselrecv":
					never := sim.MakeChan[int](0)
					helper(recvq, func() string {
						var v int
						var ok bool
						switch sim.Select(false, sim.RecvCase(c, &v, &ok), sim.SendCase(never, 0)) {
						case 0:
							return fmt.Sprintf("got %d %v", v, ok)
						}
						return "never"
					})
				}
			}()
			steps = append(steps, o.String()+" -> "+res+"; "+state())
		}
		func() {
			defer func() { recover() }()
			c.Close()
		}()
		for {
			all := true
			for _, d := range done {
				all = all && *d
			}
			if all {
				break
			}
			sim.Gosched()
		}
	}, sim.Options{Seed: seed})
	if r.Outcome != sim.Pass {
		t.Fatalf("sim run: %v", r)
	}
	return steps, helpers
}

func randomOps(r *rand.Rand, n int) []diffOp {
	kinds := []string{"send", "send", "send", "recv", "recv", "recv", "psend", "psend", "precv", "precv", "pselsend", "pselrecv"}
	var ops []diffOp
	for i := range n {
		k := kinds[r.IntN(len(kinds))]
		if r.IntN(40) == 0 {
			k = "close"
		}
		ops = append(ops, diffOp{k, i + 1})
	}
	return ops
}

func TestDifferentialChannelOps(t *testing.T) {
	requireLayout(t)
	tests := []struct {
		name string
		size int
		ops  []diffOp
	}{
		{"buffered fill and drain wraps sendx, recvx", 3, []diffOp{
			{"send", 1}, {"send", 2}, {"recv", 0}, {"send", 3}, {"send", 4}, {"send", 5},
			{"recv", 0}, {"recv", 0}, {"recv", 0}, {"recv", 0}}},
		{"receive from full buffer with parked sender", 2, []diffOp{
			{"send", 1}, {"send", 2}, {"psend", 3}, {"psend", 4}, {"recv", 0}, {"recv", 0}, {"recv", 0}, {"recv", 0}, {"recv", 0}}},
		{"unbuffered handoff to parked receiver", 0, []diffOp{
			{"send", 1}, {"precv", 0}, {"precv", 0}, {"send", 2}, {"send", 3}, {"send", 4}}},
		{"close wakes receivers, senders panic", 0, []diffOp{
			{"precv", 0}, {"precv", 0}, {"close", 0}, {"psend", 1}, {"recv", 0}, {"send", 2}, {"close", 0}}},
		{"close with parked senders", 1, []diffOp{
			{"send", 1}, {"psend", 2}, {"pselsend", 3}, {"close", 0}, {"recv", 0}, {"recv", 0}}},
		{"select receivers", 2, []diffOp{
			{"pselrecv", 0}, {"precv", 0}, {"send", 1}, {"send", 2}, {"send", 3}, {"send", 4}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			compareRuns(t, tt.size, tt.ops, 1)
		})
	}
}

func TestDifferentialRandomScripts(t *testing.T) {
	requireLayout(t)
	n := 400
	if testing.Short() {
		n = 50
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		size := r.IntN(4)
		ops := randomOps(r, 25)
		if !compareRuns(t, size, ops, uint64(i)) {
			t.Logf("script %d: cap %d ops %v", i, size, ops)
			return
		}
	}
}

func compareRuns(t *testing.T, size int, ops []diffOp, seed uint64) bool {
	t.Helper()
	rs, rh := runReal(size, ops)
	ss, sh := runSim(t, size, ops, seed)
	for i := range rs {
		if rs[i] != ss[i] {
			t.Errorf("cap %d step %d:\nreal: %s\nsim:  %s\nsteps so far:\n%s", size, i, rs[i], ss[i], strings.Join(rs[:i], "\n"))
			return false
		}
	}
	if fmt.Sprint(rh) != fmt.Sprint(sh) {
		t.Errorf("cap %d: helpers differ:\nreal: %q\nsim:  %q", size, rh, sh)
		return false
	}
	return true
}
