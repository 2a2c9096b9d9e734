package sim

import (
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// TraceEvent is one step of a run's trace: what goroutine G did (Op) to which
// channel, at which virtual time, and the channel's fields just after it.
// They are plain data for `gocourse trace` and JSON reports.
type TraceEvent struct {
	Seq      int    `json:"seq"`            // 1, 2, ... in the order things happened
	G        int    `json:"g"`              // the goroutine; 0 for the clock (timer functions)
	Op       string `json:"op"`             // make, send, recv, close, select, go, park, wake, done, timer, gosched, fail, lock, ...
	Chan     string `json:"chan,omitempty"` // the channel (or object) it acted on
	TimeNS   int64  `json:"t_ns"`           // virtual nanoseconds since Epoch
	QCount   int    `json:"qcount"`         // the channel's fields after the event
	DataqSiz int    `json:"dataqsiz"`
	SendX    int    `json:"sendx"`
	RecvX    int    `json:"recvx"`
	SendQ    []int  `json:"sendq"` // ids of goroutines parked sending, first to last
	RecvQ    []int  `json:"recvq"` // ids of goroutines parked receiving, first to last
	// SendQMore and RecvQMore count the waiters after the first
	// TraceQueueIDs of a queue, which the event leaves out: every event
	// names its channel's waiters, and a trace of n goroutines parked on one
	// channel that named them all would hold n² ids.
	SendQMore int    `json:"sendq_more,omitempty"`
	RecvQMore int    `json:"recvq_more,omitempty"`
	Closed    bool   `json:"closed"`
	Pos       string `json:"pos,omitempty"`    // file:line in the user's code, when recorded
	Detail    string `json:"detail,omitempty"` // why it parked, which select case, which goroutine it started, ...
}

// String formats e on one line, for logs and tests.
//
//go:norace
func (e TraceEvent) String() string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(e.Seq))
	b.WriteString(" G")
	b.WriteString(strconv.Itoa(e.G))
	b.WriteByte(' ')
	b.WriteString(e.Op)
	if e.Chan != "" {
		b.WriteByte(' ')
		b.WriteString(e.Chan)
		if e.DataqSiz > 0 || e.QCount > 0 || len(e.SendQ) > 0 || len(e.RecvQ) > 0 || e.Closed {
			b.WriteString(" qcount=" + strconv.Itoa(e.QCount) + "/" + strconv.Itoa(e.DataqSiz))
			if e.DataqSiz > 0 {
				b.WriteString(" sendx=" + strconv.Itoa(e.SendX) + " recvx=" + strconv.Itoa(e.RecvX))
			}
			if len(e.SendQ) > 0 {
				b.WriteString(" sendq=" + idList(e.SendQ, e.SendQMore))
			}
			if len(e.RecvQ) > 0 {
				b.WriteString(" recvq=" + idList(e.RecvQ, e.RecvQMore))
			}
			if e.Closed {
				b.WriteString(" closed")
			}
		}
	}
	if e.Detail != "" {
		b.WriteString(" (" + e.Detail + ")")
	}
	if e.TimeNS != 0 {
		b.WriteString(" t=" + formatNS(e.TimeNS))
	}
	if e.Pos != "" {
		b.WriteString(" at " + e.Pos)
	}
	return b.String()
}

// formatNS prints virtual nanoseconds as a duration since Epoch.
//
//go:norace
func formatNS(ns int64) string { return time.Duration(ns).String() }

//go:norace
func idList(ids []int, more int) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("G" + strconv.Itoa(id))
	}
	if more > 0 {
		b.WriteString(" +" + strconv.Itoa(more) + " more")
	}
	b.WriteByte(']')
	return b.String()
}

// event is the recorded form of an Event: no strings are built and nothing
// is allocated while a run goes (the tracer's slices are reused).
type event struct {
	g      int32
	arg    int32
	op     string
	detail string
	c      *hchan
	obj    any
	t      int64

	qcount, dataqsiz, sendx, recvx uint32
	closed                         bool
	sendq, recvq, pcs              span
}

type span struct{ off, n int32 }

type tracer struct {
	positions bool // record file:line (runtime.Callers) for every event
	events    []event
	ids       []int32   // goroutine ids of the queues of all events
	pcs       []uintptr // program counters of all events
	max       int
	dropped   int
	gen       uint64 // runs traced so far: tells a queue's snapshot of this run from an older one
}

// queueSnap is what the tracer knows of a wait queue: its last record of the
// queue's goroutines (a span of tracer.ids), and how the queue changed
// since. Every channel event records both queues of its channel; a queue
// that only took waiters at the back and gave them at the front since its
// last record (the common case, and the whole of n goroutines blocked on one
// channel) shares that record instead of copying it, so that an event costs
// O(1) and not O(waiters).
type queueSnap struct {
	gen    uint64 // tracer.gen of sp; 0: no record
	sp     span
	sel    bool  // sp's queue held a select's sudog: whether it counts changes without the queue changing
	pops   int32 // sudogs taken from the front since sp
	pushes int32 // sudogs added at the back since sp
	other  bool  // the queue changed otherwise since sp (a select's sudog left the middle)
}

// maxTraceEvents is the fewest events a trace keeps; a run allowed more
// schedule points (Options.MaxSteps) keeps as many events as it has points,
// so that a run of a hundred thousand goroutines, given the steps it needs,
// is traced whole.
const maxTraceEvents = 1 << 17

// TraceQueueIDs is how many of a queue's waiters a TraceEvent names, first
// to last; SendQMore and RecvQMore count the others.
const TraceQueueIDs = 16

//go:norace
func (t *tracer) reset(positions bool) {
	clear(t.events)
	t.events = t.events[:0]
	t.ids = t.ids[:0]
	t.pcs = t.pcs[:0]
	t.positions = positions
	t.max = maxTraceEvents
	t.dropped = 0
	t.gen++
}

// traceEvent records an event by gp (nil: the clock) on channel c or on obj.
//
//go:norace
func (s *scheduler) traceEvent(gp *G, op string, c *hchan, obj any, arg int, detail string) {
	t := &s.tr
	if gp != nil && gp.abandoned || s.over {
		return
	}
	if len(t.events) >= t.max {
		t.dropped++
		return
	}
	e := event{op: op, arg: int32(arg), t: s.clock.now, obj: obj, detail: detail}
	// Inside a timer function the clock acts (G0), except that a goroutine it
	// wakes is drawn waking in its own column.
	if gp != nil && (!s.clock.inTimer || op == "wake") {
		e.g = int32(gp.id)
	}
	if c == nil && obj != nil {
		if sc, ok := obj.(selectChan); ok {
			c = sc.header()
			e.obj = nil
		}
	}
	if c != nil {
		e.c = c
		e.qcount = uint32(c.qcount)
		e.dataqsiz = uint32(c.dataqsiz)
		e.sendx = uint32(c.sendx)
		e.recvx = uint32(c.recvx)
		e.closed = c.closed
		e.sendq = t.queue(&c.sendq)
		e.recvq = t.queue(&c.recvq)
	}
	if t.positions {
		off := len(t.pcs)
		for range 6 { // not append(t.pcs, make(...)...): see appendBytes
			t.pcs = append(t.pcs, 0)
		}
		var n int
		if gp == nil && s.clock.cur != nil && s.clock.cur.pcs != nil {
			// The clock acts for a timer: the line is where it was set.
			n = copy(t.pcs[off:], s.clock.cur.pcs)
		} else {
			n = runtime.Callers(3, t.pcs[off:])
		}
		t.pcs = t.pcs[:off+n]
		e.pcs = span{int32(off), int32(n)}
	}
	t.events = append(t.events, e)
}

// queue records the live waiters of q (select sudogs whose select has
// already been won are gone in all but bookkeeping, so they are left out).
//
//go:norace
func (t *tracer) queue(q *waitq) span {
	sn := &q.snap
	if sp, ok := t.sharedQueue(q); ok {
		sn.sp, sn.pops, sn.pushes = sp, 0, 0
		return sp
	}
	off := len(t.ids)
	sel := false
	for sg := q.first; sg != nil; sg = sg.next {
		sel = sel || sg.isSelect
		if sg.isSelect && sg.g.selectDone {
			continue
		}
		t.ids = append(t.ids, int32(sg.g.id))
	}
	sp := span{int32(off), int32(len(t.ids) - off)}
	*sn = queueSnap{gen: t.gen, sp: sp, sel: sel}
	return sp
}

// sharedQueue records q by sharing its last record, when q only took plain
// (not select) waiters at the back and gave waiters at the front since,
// and the ids of those it took can go right after that record in t.ids.
//
//go:norace
func (t *tracer) sharedQueue(q *waitq) (span, bool) {
	sn := &q.snap
	if sn.gen != t.gen || sn.sel || sn.other || sn.pops > sn.sp.n {
		return span{}, false
	}
	sp := span{sn.sp.off + sn.pops, sn.sp.n - sn.pops}
	if sn.pushes == 0 {
		return sp, true
	}
	if sp.n == 0 {
		sp.off = int32(len(t.ids))
	} else if int(sp.off+sp.n) != len(t.ids) {
		return span{}, false
	}
	// The last pushes sudogs of q are the new ones.
	off := len(t.ids)
	sg := q.last
	for range sn.pushes {
		if sg == nil || sg.isSelect {
			t.ids = t.ids[:off]
			return span{}, false
		}
		t.ids = append(t.ids, int32(sg.g.id))
		sg = sg.prev
	}
	for i, j := off, len(t.ids)-1; i < j; i, j = i+1, j-1 {
		t.ids[i], t.ids[j] = t.ids[j], t.ids[i]
	}
	sp.n += sn.pushes
	return sp, true
}

// event records an event on obj, which may be a channel, or nil.
//
//go:norace
func (s *scheduler) event(gp *G, op string, obj any, arg int) {
	s.traceEvent(gp, op, nil, obj, arg, "")
}

//go:norace
func (s *scheduler) chanEvent(gp *G, op string, c *hchan) {
	s.traceEvent(gp, op, c, nil, 0, "")
}

// event records a channel event by gp, if a run is in progress.
//
//go:norace
func (c *hchan) event(gp *G, op string) {
	if s := active.Load(); s != nil {
		s.traceEvent(gp, op, c, nil, 0, "")
	}
}

// Event records a trace event for the running goroutine: op is what it did
// (lock, unlock, wait, ...), obj what it did it to (a channel, or any value
// with a TraceName() string method), detail anything else worth showing.
// Drop-in packages call it; outside a run it does nothing.
//
//go:norace
func Event(op string, obj any, detail string) {
	gp := getg()
	if gp == nil {
		return
	}
	s := gp.s
	s.traceEvent(gp, op, nil, obj, 0, detail)
}

// exportTrace turns the recorded events into TraceEvents.
//
//go:norace
func (s *scheduler) exportTrace() []TraceEvent {
	t := &s.tr
	out := make([]TraceEvent, len(t.events))
	posCache := map[[10]uintptr]string{}
	for i := range t.events {
		e := &t.events[i]
		x := &out[i]
		x.Seq = i + 1
		x.G = int(e.g)
		x.Op = e.op
		x.TimeNS = e.t
		x.Detail = e.detail
		if e.c != nil {
			x.Chan = e.c.Name()
			x.QCount = int(e.qcount)
			x.DataqSiz = int(e.dataqsiz)
			x.SendX = int(e.sendx)
			x.RecvX = int(e.recvx)
			x.Closed = e.closed
			x.SendQ, x.SendQMore = t.shownIDs(e.sendq)
			x.RecvQ, x.RecvQMore = t.shownIDs(e.recvq)
		} else {
			x.SendQ, x.RecvQ = []int{}, []int{}
			if e.obj != nil {
				x.Chan = objName(e.obj)
			}
		}
		switch e.op {
		case "go":
			x.Detail = "G" + strconv.Itoa(int(e.arg))
		case "select":
			if e.arg < 0 {
				x.Detail = "default"
			} else {
				x.Detail = "case " + strconv.Itoa(int(e.arg))
			}
		}
		if e.pcs.n > 0 {
			pcs := t.pcs[e.pcs.off : e.pcs.off+e.pcs.n]
			var key [10]uintptr
			copy(key[:], pcs)
			p, ok := posCache[key]
			if !ok {
				p = userPos(pcs)
				posCache[key] = p
			}
			x.Pos = p
		}
	}
	return out
}

//go:norace
func (t *tracer) idsOf(sp span) []int {
	ids := make([]int, sp.n)
	for i := range ids {
		ids[i] = int(t.ids[int(sp.off)+i])
	}
	return ids
}

// shownIDs returns the first TraceQueueIDs goroutines of a recorded queue,
// and how many more it holds.
//
//go:norace
func (t *tracer) shownIDs(sp span) ([]int, int) {
	n := min(sp.n, TraceQueueIDs)
	return t.idsOf(span{sp.off, n}), int(sp.n - n)
}

// objName names a traced object that is not a channel.
//
//go:norace
func objName(obj any) string {
	switch o := obj.(type) {
	case interface{ TraceName() string }:
		return o.TraceName()
	case string:
		return o
	}
	return ""
}

// simDir is the directory of sim's source; sim/time, sim/sync, ... are
// below it. Frames from there (tests aside) are not the learner's.
var simDir = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}()

// isSimFrame reports whether f is sim's own code (or a drop-in's, or the
// runtime's): a frame a learner did not write. Inlined closures take the
// caller's function name, so the file decides.
//
//go:norace
func isSimFrame(f runtime.Frame) bool {
	if strings.HasPrefix(f.File, simDir+"/") && !strings.HasSuffix(f.File, "_test.go") {
		return true
	}
	if strings.HasPrefix(f.Function, "runtime.") || strings.HasPrefix(f.Function, "iter.") {
		return true
	}
	// The standard library (fmt printing for the user, say) is not where the
	// user's code is either.
	return goroot != "" && strings.HasPrefix(f.File, goroot)
}

// goroot is the source folder of the standard library this binary was built with.
var goroot = func() string {
	if r := runtime.GOROOT(); r != "" {
		return filepath.ToSlash(r) + "/src/"
	}
	return ""
}()

// userPos returns "file.go:line" of the first frame in pcs that is not sim's.
//
//go:norace
func userPos(pcs []uintptr) string {
	frames := runtime.CallersFrames(pcs)
	for {
		f, more := frames.Next()
		if f.Function != "" && !isSimFrame(f) {
			return filepath.Base(f.File) + ":" + strconv.Itoa(f.Line)
		}
		if !more {
			return ""
		}
	}
}
