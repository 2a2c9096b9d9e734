package sim

// This file simulates Go channels. It follows runtime/chan.go function by
// function (chansend, send, chanrecv, recv, closechan) so that the two can be
// read side by side. The locking is gone, because exactly one simulated
// goroutine runs at a time; a blocked operation's value travels through its
// sudog (a tsudog[T] holds it), not from stack to stack; and each channel
// keeps its own cache of sudogs (acquireSudog, releaseSudog). See the
// package doc for the whole list.

// Invariants (as in the runtime):
//  At least one of c.sendq and c.recvq is empty,
//  except for the case of an unbuffered channel with a single goroutine
//  blocked on it for both sending and receiving using a select statement,
//  in which case the length of c.sendq and c.recvq is limited only by the
//  size of the select statement.
//
// For buffered channels, also:
//  c.qcount > 0 implies that c.recvq is empty.
//  c.qcount < c.dataqsiz implies that c.sendq is empty.

import (
	"iter"
	"strconv"
	"sync/atomic"
	"unsafe"
)

// hchan holds the fields of a channel that do not depend on its element
// type; the ring buffer lives in Chan[T]. Field names are the runtime's.
type hchan struct {
	qcount   uint  // total data in the queue
	dataqsiz uint  // size of the circular queue
	closed   bool  // set once by close, never cleared
	timer    bool  // a timer's channel: reports len 0 and cap 0, as Go 1.23+ does
	sendx    uint  // send index: where the next buffered value goes
	recvx    uint  // receive index: where the next buffered value comes from
	recvq    waitq // list of recv waiters
	sendq    waitq // list of send waiters

	id   int    // creation order in the run, for "chan#id"
	name string // set by Named

	race *chanRace // happens-before bookkeeping, in runs that check races (chanrace.go)
}

// Chan is a simulated channel of T: what `chan T`, `<-chan T` and
// `chan<- T` become in rewritten code. A nil *Chan behaves as a nil channel.
type Chan[T any] struct {
	hchan
	buf  []T        // the circular queue: dataqsiz elements
	free *tsudog[T] // sudogs for waiters on c, reused (runtime: acquireSudog)
}

// sudog is a goroutine waiting on a channel, as in the runtime. A goroutine
// in a select has one per case, linked through waitlink.
type sudog struct {
	g *G

	next *sudog
	prev *sudog
	elem unsafe.Pointer // data element (*T): the value to send, or where to receive

	c        *hchan // the channel it waits on
	casi     int    // select: the index of its case
	isSelect bool   // g is in a select: the first case to fire wins (g.selectDone)
	success  bool   // woken by a communication (true) or by close (false)
	waitlink *sudog // g.waiting list

	// Race detection (chanrace.go): the parked goroutine releases into
	// raceA; it acquires raceWake when it runs again.
	raceA, raceB uint64
	raceWake     unsafe.Pointer
}

// tsudog is a sudog with room for one value of the channel's element type, so
// that a blocked Send or Recv need not move its value to the heap.
type tsudog[T any] struct {
	sudog
	val T
}

// waitq is a FIFO list of waiting goroutines.
type waitq struct {
	first *sudog
	last  *sudog
	snap  queueSnap // the tracer's last record of it (trace.go)
}

// outsideRunChans numbers the channels made outside a run (package variables).
var outsideRunChans atomic.Int64

// MakeChan is make(chan T, size); size 0 makes an unbuffered channel.
// A negative size panics with "makechan: size out of range".
//
//go:norace
func MakeChan[T any](size int) *Chan[T] {
	if size < 0 || uintptr(size) > maxAlloc/(unsafe.Sizeof(*new(T))+1) {
		panic(errMakeChanSize)
	}
	c := &Chan[T]{}
	c.dataqsiz = uint(size)
	if size > 0 {
		c.buf = make([]T, size)
	}
	if gp := getg(); gp != nil && !gp.abandoned {
		gp.s.nchans++
		c.id = gp.s.nchans
		gp.s.chanEvent(gp, "make", &c.hchan)
	} else {
		c.id = -int(outsideRunChans.Add(1))
	}
	return c
}

const maxAlloc = 1 << 47

// Named gives c a name for traces and reports ("jobs" instead of "chan#3")
// and returns c.
//
//go:norace
func (c *Chan[T]) Named(name string) *Chan[T] {
	if c != nil {
		c.name = name
	}
	return c
}

// Name returns the channel's name in traces: its Named name, else "chan#N"
// where N counts the channels made in the run.
//
//go:norace
func (c *Chan[T]) Name() string {
	if c == nil {
		return "nil chan"
	}
	return c.hchan.Name()
}

// Name returns the channel's name in traces.
//
//go:norace
func (c *hchan) Name() string {
	if c.name != "" {
		return c.name
	}
	if c.id < 0 {
		return "chan#p" + strconv.Itoa(-c.id)
	}
	return "chan#" + strconv.Itoa(c.id)
}

// Send is `c <- v`.
//
//go:norace
func (c *Chan[T]) Send(v T) {
	gp := getg()
	if gp != nil {
		gp.s.yield(gp)
	}
	c.chansend(gp, v, true)
}

// Recv is `<-c`.
//
//go:norace
func (c *Chan[T]) Recv() T {
	gp := getg()
	if gp != nil {
		gp.s.yield(gp)
	}
	var v T
	c.chanrecv(gp, &v, true)
	return v
}

// Recv2 is `v, ok := <-c`: ok is false when c is closed and drained.
//
//go:norace
func (c *Chan[T]) Recv2() (T, bool) {
	gp := getg()
	if gp != nil {
		gp.s.yield(gp)
	}
	var v T
	_, ok := c.chanrecv(gp, &v, true)
	return v, ok
}

// Range is `for v := range c`: it receives until c is closed and drained.
//
//go:norace
func (c *Chan[T]) Range() iter.Seq[T] {
	return func(yield func(T) bool) {
		for {
			v, ok := c.Recv2()
			if !ok || !yield(v) {
				return
			}
		}
	}
}

// Len is len(c). For a timer's channel it is 0, as in Go 1.23+.
// It is a schedule point: its answer depends on the interleaving.
//
//go:norace
func (c *Chan[T]) Len() int {
	if c == nil {
		return 0
	}
	if gp := getg(); gp != nil {
		gp.s.yield(gp)
	}
	if c.timer {
		return 0
	}
	return int(c.qcount)
}

// Cap is cap(c). For a timer's channel it is 0, as in Go 1.23+.
//
//go:norace
func (c *Chan[T]) Cap() int {
	if c == nil || c.timer {
		return 0
	}
	return int(c.dataqsiz)
}

// full reports whether a send on c would block (that is, the channel is full).
//
//go:norace
func (c *hchan) full() bool {
	if c.dataqsiz == 0 {
		return c.recvq.peek() == nil
	}
	return c.qcount == c.dataqsiz
}

// empty reports whether a receive from c would block (that is, the channel is
// empty).
//
//go:norace
func (c *hchan) empty() bool {
	if c.dataqsiz == 0 {
		return c.sendq.peek() == nil
	}
	return c.qcount == 0
}

// chansend is the generic single channel send. If block is false it does not
// park but returns false when the send could not complete. gp is the sending
// goroutine, nil outside a run (or in a timer function).
//
//go:norace
func (c *Chan[T]) chansend(gp *G, v T, block bool) bool {
	if c == nil {
		if !block {
			return false
		}
		gopark(gp, "chan send (nil chan)", nil)
		panic("unreachable")
	}

	// Fast path: check for failed non-blocking operation.
	if !block && !c.closed && c.full() {
		return false
	}

	if c.closed {
		panic(errSendOnClosed)
	}

	if sg := c.recvq.dequeue(); sg != nil {
		// Found a waiting receiver. We pass the value we want to send
		// directly to the receiver, bypassing the channel buffer (if any).
		c.send(gp, sg, v)
		return true
	}

	if c.qcount < c.dataqsiz {
		// Space is available in the channel buffer. Enqueue the element to send.
		if raceOn {
			c.raceSendBuf(gp, c.sendx)
		}
		c.buf[c.sendx] = v
		c.sendx++
		if c.sendx == c.dataqsiz {
			c.sendx = 0
		}
		c.qcount++
		c.event(gp, "send")
		return true
	}

	if !block {
		return false
	}

	// Block on the channel. Some receiver will complete our operation for us.
	if gp == nil {
		panic(misuse(OutsideRun("send on " + c.Name())))
	}
	mysg := c.acquireSudog(gp)
	ts := (*tsudog[T])(unsafe.Pointer(mysg))
	ts.val = v
	mysg.elem = unsafe.Pointer(&ts.val)
	gp.param = nil
	c.sendq.enqueue(mysg)
	if raceOn {
		raceParkSudog(mysg)
	}
	gopark(gp, "chan send", c)

	// someone woke us up.
	closed := !mysg.success
	if raceOn {
		raceWoken(mysg)
	}
	gp.param = nil
	c.releaseSudog(mysg)
	if closed {
		panic(errSendOnClosed)
	}
	return true
}

// send processes a send operation on an empty channel c.
// The value v sent by the sender is copied to the receiver sg.
// The receiver is then woken up to go on its merry way.
// sg must already be dequeued from c.
//
//go:norace
func (c *Chan[T]) send(gp *G, sg *sudog, v T) {
	if sg.elem != nil {
		*(*T)(sg.elem) = v
		sg.elem = nil
	}
	gp2 := sg.g
	gp2.param = sg
	sg.success = true
	if raceOn {
		c.raceSendDirect(gp, sg)
	}
	c.event(gp, "send")
	goready(gp2)
}

// chanrecv receives on channel c and writes the received data to ep.
// ep may be nil, in which case received data is ignored.
// If block == false and no elements are available, returns (false, false).
// Otherwise, if c is closed, zeros *ep and returns (true, false).
// Otherwise, fills in *ep with an element and returns (true, true).
//
//go:norace
func (c *Chan[T]) chanrecv(gp *G, ep *T, block bool) (selected, received bool) {
	if c == nil {
		if !block {
			return
		}
		gopark(gp, "chan receive (nil chan)", nil)
		panic("unreachable")
	}

	// Fast path: check for failed non-blocking operation.
	if !block && c.empty() {
		if !c.closed {
			return
		}
		// The channel is irreversibly closed and empty.
		if c.empty() {
			if raceOn {
				c.raceRecvClosed(gp)
			}
			if ep != nil {
				var zero T
				*ep = zero
			}
			c.event(gp, "recv")
			return true, false
		}
	}

	if c.closed {
		if c.qcount == 0 {
			if raceOn {
				c.raceRecvClosed(gp)
			}
			if ep != nil {
				var zero T
				*ep = zero
			}
			c.event(gp, "recv")
			return true, false
		}
		// The channel has been closed, but the channel's buffer have data.
	} else {
		// Just found waiting sender with not closed.
		if sg := c.sendq.dequeue(); sg != nil {
			// Found a waiting sender. If buffer is size 0, receive value
			// directly from sender. Otherwise, receive from head of queue
			// and add sender's value to the tail of the queue (both map to
			// the same buffer slot because the queue is full).
			c.recv(gp, sg, ep)
			return true, true
		}
	}

	if c.qcount > 0 {
		// Receive directly from queue
		if raceOn {
			c.raceRecvBuf(gp, c.recvx)
		}
		qp := &c.buf[c.recvx]
		if ep != nil {
			*ep = *qp
		}
		var zero T
		*qp = zero
		c.recvx++
		if c.recvx == c.dataqsiz {
			c.recvx = 0
		}
		c.qcount--
		c.event(gp, "recv")
		return true, true
	}

	if !block {
		return false, false
	}

	// no sender available: block on this channel.
	if gp == nil {
		panic(misuse(OutsideRun("receive from " + c.Name())))
	}
	mysg := c.acquireSudog(gp)
	ts := (*tsudog[T])(unsafe.Pointer(mysg))
	mysg.elem = unsafe.Pointer(&ts.val)
	gp.param = nil
	c.recvq.enqueue(mysg)
	if raceOn {
		raceParkSudog(mysg)
	}
	gopark(gp, "chan receive", c)

	// someone woke us up
	success := mysg.success
	if raceOn {
		raceWoken(mysg)
	}
	if ep != nil {
		*ep = ts.val
	}
	gp.param = nil
	c.releaseSudog(mysg)
	return true, success
}

// recv processes a receive operation on a full channel c.
// There are 2 parts:
//  1. The value sent by the sender sg is put into the channel
//     and the sender is woken up to go on its merry way.
//  2. The value received by the receiver (the current G) is
//     written to ep.
//
// For synchronous channels, both values are the same.
// For asynchronous channels, the receiver gets its data from
// the channel buffer and the sender's data is put in the
// channel buffer.
// sg must already be dequeued from c.
//
//go:norace
func (c *Chan[T]) recv(gp *G, sg *sudog, ep *T) {
	if raceOn {
		if c.dataqsiz == 0 {
			c.raceRecvDirect(gp, sg)
		} else {
			c.raceRecvFull(gp, sg, c.recvx)
		}
	}
	if c.dataqsiz == 0 {
		if ep != nil {
			// copy data from sender
			*ep = *(*T)(sg.elem)
		}
	} else {
		// Queue is full. Take the item at the
		// head of the queue. Make the sender enqueue
		// its item at the tail of the queue. Since the
		// queue is full, those are both the same slot.
		qp := &c.buf[c.recvx]
		// copy data from queue to receiver
		if ep != nil {
			*ep = *qp
		}
		// copy data from sender to queue
		*qp = *(*T)(sg.elem)
		c.recvx++
		if c.recvx == c.dataqsiz {
			c.recvx = 0
		}
		c.sendx = c.recvx // c.sendx = (c.sendx+1) % c.dataqsiz
	}
	sg.elem = nil
	gp2 := sg.g
	gp2.param = sg
	sg.success = true
	c.event(gp, "recv")
	goready(gp2)
}

// Close is close(c).
//
//go:norace
func (c *Chan[T]) Close() {
	gp := getg()
	if gp != nil {
		gp.s.yield(gp)
	}
	c.closechan(gp)
}

//go:norace
func (c *Chan[T]) closechan(gp *G) {
	if c == nil {
		panic(errCloseOfNil)
	}
	if c.closed {
		panic(errCloseOfClosed)
	}

	c.closed = true
	var raceTok unsafe.Pointer
	if raceOn {
		raceTok = c.raceClose(gp)
	}

	var gbuf [8]*G
	glist := gbuf[:0]

	// release all readers
	for {
		sg := c.recvq.dequeue()
		if sg == nil {
			break
		}
		if sg.elem != nil {
			var zero T
			*(*T)(sg.elem) = zero
			sg.elem = nil
		}
		gp2 := sg.g
		gp2.param = sg
		sg.success = false
		sg.raceWake = raceTok
		glist = append(glist, gp2)
	}

	// release all writers (they will panic)
	for {
		sg := c.sendq.dequeue()
		if sg == nil {
			break
		}
		sg.elem = nil
		gp2 := sg.g
		gp2.param = sg
		sg.success = false
		sg.raceWake = raceTok
		glist = append(glist, gp2)
	}
	c.event(gp, "close")

	// Ready all Gs now that the channel is consistent again.
	for _, gp2 := range glist {
		goready(gp2)
	}
}

// TrySend sends v if it can do so without blocking and reports whether it
// did. It is not a schedule point: timer functions use it to deliver on a
// timer's channel, as the runtime's timers do.
//
//go:norace
func (c *Chan[T]) TrySend(v T) bool {
	return c.chansend(getgForOp(), v, false)
}

// Drain empties the buffer of a timer's channel and reports whether it held
// a value; Timer.Stop and Reset use it so that no stale value is received
// (Go 1.23+). Runtime: timerchandrain.
//
//go:norace
func (c *Chan[T]) Drain() bool {
	if c == nil || c.qcount == 0 {
		return false
	}
	var zero T
	for c.qcount > 0 {
		if raceOn && c.race != nil {
			c.raceDrain(c.recvx)
		}
		c.buf[c.recvx] = zero
		c.recvx++
		if c.recvx == c.dataqsiz {
			c.recvx = 0
		}
		c.qcount--
	}
	return true
}

// MakeTimerChan makes the channel of a Timer or Ticker: one slot of buffer
// that len and cap report as 0, like the runtime's Go 1.23+ timer channels.
// Traces call it "timer#N".
//
//go:norace
func MakeTimerChan[T any]() *Chan[T] {
	c := MakeChan[T](1)
	c.timer = true
	if c.id > 0 {
		c.name = "timer#" + strconv.Itoa(c.id)
	}
	return c
}

// getgForOp is the goroutine an operation is attributed to: none inside a
// timer function.
//
//go:norace
func getgForOp() *G {
	gp := getg()
	if gp != nil && gp.s.clock.inTimer {
		return nil
	}
	return gp
}

//go:norace
func (c *Chan[T]) acquireSudog(gp *G) *sudog {
	ts := c.free
	if ts != nil && !raceOn {
		c.free = (*tsudog[T])(unsafe.Pointer(ts.next))
		ts.next = nil
	} else {
		ts = new(tsudog[T])
	}
	ts.g = gp
	ts.c = &c.hchan
	return &ts.sudog
}

//go:norace
func (c *Chan[T]) releaseSudog(sg *sudog) {
	if raceOn {
		// Its raceA may still be named by the channel (chanrace.go).
		return
	}
	ts := (*tsudog[T])(unsafe.Pointer(sg))
	var zero T
	ts.val = zero
	ts.sudog = sudog{next: (*sudog)(unsafe.Pointer(c.free))}
	c.free = ts
}

// gopark parks gp for reason on obj (nil: forever). Outside a run nothing
// can wake it, so it is a misuse.
//
//go:norace
func gopark(gp *G, reason string, obj any) {
	if gp == nil {
		panic(misuse(OutsideRun(reason)))
	}
	gp.s.park(gp, reason, obj)
}

// goready makes gp runnable.
//
//go:norace
func goready(gp *G) {
	gp.s.ready(gp)
}

//go:norace
func (q *waitq) enqueue(sgp *sudog) {
	q.snap.pushes++
	sgp.next = nil
	x := q.last
	if x == nil {
		sgp.prev = nil
		q.first = sgp
		q.last = sgp
		return
	}
	sgp.prev = x
	x.next = sgp
	q.last = sgp
}

//go:norace
func (q *waitq) dequeue() *sudog {
	for {
		sgp := q.first
		if sgp == nil {
			return nil
		}
		q.snap.pops++
		y := sgp.next
		if y == nil {
			q.first = nil
			q.last = nil
		} else {
			y.prev = nil
			q.first = y
			sgp.next = nil // mark as removed (see dequeueSudoG)
		}

		// If a goroutine was put on this queue because of a select, another
		// case may already have woken it; it removes itself from the other
		// queues when it runs. selectDone tells us that someone else won.
		if sgp.isSelect {
			if sgp.g.selectDone {
				continue
			}
			sgp.g.selectDone = true
		}

		return sgp
	}
}

// peek returns the sudog that dequeue would return, without removing it.
//
//go:norace
func (q *waitq) peek() *sudog {
	for sgp := q.first; sgp != nil; sgp = sgp.next {
		if !sgp.isSelect || !sgp.g.selectDone {
			return sgp
		}
	}
	return nil
}

//go:norace
func (q *waitq) dequeueSudoG(sgp *sudog) {
	q.snap.other = true
	x := sgp.prev
	y := sgp.next
	if x != nil {
		if y != nil {
			// middle of queue
			x.next = y
			y.prev = x
			sgp.next = nil
			sgp.prev = nil
			return
		}
		// end of queue
		x.next = nil
		q.last = x
		sgp.prev = nil
		return
	}
	if y != nil {
		// start of queue
		y.prev = nil
		q.first = y
		sgp.next = nil
		return
	}

	// x==y==nil. Either sgp is the only element in the queue,
	// or it has already been removed. Use q.first to disambiguate.
	if q.first == sgp {
		q.first = nil
		q.last = nil
	}
}

// ChanState is a snapshot of a channel's fields, for tests, tools and
// lessons: the same words the runtime uses.
type ChanState struct {
	QCount   int   `json:"qcount"`
	DataqSiz int   `json:"dataqsiz"`
	SendX    int   `json:"sendx"`
	RecvX    int   `json:"recvx"`
	SendQ    []int `json:"sendq"` // goroutine ids, first to last
	RecvQ    []int `json:"recvq"`
	Closed   bool  `json:"closed"`
}

// State returns a snapshot of c's fields. It is not a schedule point.
//
//go:norace
func (c *Chan[T]) State() ChanState {
	if c == nil {
		return ChanState{}
	}
	st := ChanState{
		QCount:   int(c.qcount),
		DataqSiz: int(c.dataqsiz),
		SendX:    int(c.sendx),
		RecvX:    int(c.recvx),
		Closed:   c.closed,
	}
	st.SendQ = c.sendq.ids()
	st.RecvQ = c.recvq.ids()
	return st
}

// ids lists the goroutines of the live waiters of q.
//
//go:norace
func (q *waitq) ids() []int {
	ids := []int{}
	for sg := q.first; sg != nil; sg = sg.next {
		if sg.isSelect && sg.g.selectDone {
			continue
		}
		ids = append(ids, sg.g.id)
	}
	return ids
}
