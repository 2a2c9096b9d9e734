package sim

// This file simulates the select statement, following runtime/select.go's
// selectgo: pass 1 looks for a case that can proceed now, pass 2 enqueues
// the goroutine on every channel, pass 3 (after a wake-up) dequeues it from
// the channels whose case did not fire.
//
// One deliberate difference: where the runtime polls the cases in a random
// order and takes the first that is ready, sim collects every ready case and
// lets the strategy choose among them (Choose), so that exhaustive search
// enumerates each choice exactly once. The set of possible outcomes is the
// same.

import "unsafe"

// Case is one case of a select statement, made by SendCase or RecvCase.
// The rewriter evaluates channel and value operands before making the cases.
type Case struct {
	c    selectChan     // nil for a nil channel: the case never proceeds
	elem unsafe.Pointer // send: the value (*T); receive: where to store it, may be nil
	okp  *bool          // receive: where to store ok, may be nil
	send bool
}

// selectChan is what select needs from a *Chan[T] of any T.
type selectChan interface {
	header() *hchan
	acquireSudog(gp *G) *sudog
	releaseSudog(sg *sudog)
	selsend(gp *G, elem unsafe.Pointer)
	selrecv(gp *G, elem unsafe.Pointer) bool
}

//go:norace
func (c *Chan[T]) header() *hchan { return &c.hchan }

// selsend sends *elem on c, which is ready (or closed: then it panics).
//
//go:norace
func (c *Chan[T]) selsend(gp *G, elem unsafe.Pointer) {
	c.chansend(gp, *(*T)(elem), false)
}

// selrecv receives from c, which is ready, into elem (if not nil).
//
//go:norace
func (c *Chan[T]) selrecv(gp *G, elem unsafe.Pointer) bool {
	_, ok := c.chanrecv(gp, (*T)(elem), false)
	return ok
}

// SendCase is the case `case c <- v:`.
//
//go:norace
func SendCase[T any](c *Chan[T], v T) Case {
	if c == nil {
		return Case{send: true}
	}
	p := new(T)
	*p = v
	return Case{c: c, elem: unsafe.Pointer(p), send: true}
}

// RecvCase is the case `case v, ok := <-c:`; the received value is stored in
// *vp and ok in *okp. Either pointer may be nil.
//
//go:norace
func RecvCase[T any](c *Chan[T], vp *T, okp *bool) Case {
	if c == nil {
		return Case{}
	}
	return Case{c: c, elem: unsafe.Pointer(vp), okp: okp}
}

// Select is the select statement. It returns the index of the case that
// proceeded, or -1 for the default case (only when hasDefault). Among the
// cases that can proceed, the strategy chooses. With no cases and no default
// it blocks forever, like select {}.
//
//go:norace
func Select(hasDefault bool, cases ...Case) int {
	gp := getg()
	if gp != nil {
		gp.s.yield(gp)
	}
	return selectgo(gp, cases, !hasDefault)
}

//go:norace
func selectgo(gp *G, cases []Case, block bool) int {
	// pass 1 - look for something already waiting
	var rbuf [8]int
	ready := rbuf[:0]
	for i := range cases {
		cas := &cases[i]
		if cas.c == nil {
			continue
		}
		c := cas.c.header()
		if cas.send {
			if c.closed || c.recvq.peek() != nil || c.qcount < c.dataqsiz {
				ready = append(ready, i)
			}
		} else {
			if c.sendq.peek() != nil || c.qcount > 0 || c.closed {
				ready = append(ready, i)
			}
		}
	}

	if len(ready) > 0 {
		casi := ready[0]
		if len(ready) > 1 && gp != nil && !gp.abandoned {
			casi = ready[gp.s.choose(len(ready))]
		}
		cas := &cases[casi]
		if cas.send {
			// can send to a sleeping receiver, or to the buffer, or panic on a closed channel
			cas.c.selsend(gp, cas.elem)
		} else {
			// can receive from a sleeping sender, or from the buffer, or at the end of a closed channel
			ok := cas.c.selrecv(gp, cas.elem)
			if cas.okp != nil {
				*cas.okp = ok
			}
		}
		selectEvent(gp, cas.c.header(), casi)
		return casi
	}

	if !block {
		selectEvent(gp, nil, -1)
		Polled()
		return -1
	}

	if gp == nil {
		panic(misuse(OutsideRun("select")))
	}

	// pass 2 - enqueue on all chans
	first := firstDuplicate(gp, cases)
	nextp := &gp.waiting
	for j := -1; j < len(cases); j++ {
		// Case first (if any) goes before the others of its channel and
		// direction; see firstDuplicate.
		i := j
		if j < 0 {
			if i = first; i < 0 {
				continue
			}
		} else if j == first {
			continue
		}
		cas := &cases[i]
		if cas.c == nil {
			continue
		}
		sg := cas.c.acquireSudog(gp)
		sg.isSelect = true
		sg.elem = cas.elem
		sg.casi = i
		// Construct waiting list in case order.
		*nextp = sg
		nextp = &sg.waitlink
		if cas.send {
			sg.c.sendq.enqueue(sg)
		} else {
			sg.c.recvq.enqueue(sg)
		}
	}
	if gp.waiting == nil {
		// select {} or every channel nil: block forever.
		reason := "select"
		if len(cases) == 0 {
			reason = "select (no cases)"
		}
		gopark(gp, reason, nil)
		panic("unreachable")
	}

	// wait for someone to wake us up
	gp.param = nil
	if raceOn {
		for sg := gp.waiting; sg != nil; sg = sg.waitlink {
			raceParkSudog(sg)
		}
	}
	gp.s.park(gp, "select", nil)

	sg := gp.param
	if raceOn && sg != nil {
		raceWoken(sg)
	}
	gp.param = nil
	gp.selectDone = false

	// pass 3 - dequeue from unsuccessful chans
	// otherwise they stack up on quiet channels
	// record the successful case, if any.
	casi := -1
	caseSuccess := false
	for sglist := gp.waiting; sglist != nil; {
		sgnext := sglist.waitlink
		k := &cases[sglist.casi]
		if sg == sglist {
			// sg has already been dequeued by the G that woke us up.
			casi = sglist.casi
			caseSuccess = sglist.success
		} else if k.send {
			sglist.c.sendq.dequeueSudoG(sglist)
		} else {
			sglist.c.recvq.dequeueSudoG(sglist)
		}
		k.c.releaseSudog(sglist)
		sglist = sgnext
	}
	gp.waiting = nil

	if casi < 0 {
		panic("sim: selectgo: bad wakeup")
	}
	cas := &cases[casi]
	if cas.send {
		if !caseSuccess {
			// send on closed channel
			panic(errSendOnClosed)
		}
	} else if cas.okp != nil {
		*cas.okp = caseSuccess
	}
	selectEvent(gp, cas.c.header(), casi)
	return casi
}

// firstDuplicate handles a select with several cases on the same channel in
// the same direction: the runtime enqueues them in an order that depends on
// its random poll order, and the first enqueued is the one a later sender or
// receiver completes. The strategy chooses which of them goes first (a
// recorded choice); firstDuplicate returns its index, or -1 when no channel
// appears twice. Only the first such group is permuted.
//
//go:norace
func firstDuplicate(gp *G, cases []Case) int {
	for i := range cases {
		ci := &cases[i]
		if ci.c == nil {
			continue
		}
		var group [8]int
		n := 0
		for j := i; j < len(cases) && n < len(group); j++ {
			cj := &cases[j]
			if cj.c != nil && cj.send == ci.send && cj.c.header() == ci.c.header() {
				group[n] = j
				n++
			}
		}
		if n > 1 {
			return group[gp.s.choose(n)]
		}
	}
	return -1
}

//go:norace
func selectEvent(gp *G, c *hchan, casi int) {
	s := active.Load()
	if s == nil {
		return
	}
	s.traceEvent(gp, "select", c, nil, casi, "")
}
