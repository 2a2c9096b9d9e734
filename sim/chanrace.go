package sim

// This file tells ThreadSanitizer the happens-before edges of channel
// operations, in the words of the Go memory model:
//
//  1. A send on a channel is synchronized before the completion of the
//     corresponding receive from that channel.
//  2. The closing of a channel is synchronized before a receive that returns
//     because the channel is closed.
//  3. A receive from an unbuffered channel is synchronized before the
//     completion of the corresponding send on that channel.
//  4. The kth receive on a channel with capacity C is synchronized before the
//     completion of the k+Cth send from that channel completes.
//
// Values are received in the order they were sent, so the nth receive that
// gets a value corresponds to the nth send. Each party of an operation
// releases its own clock at the start of the operation, into an address the
// other party will acquire from: a goroutine that parks releases into its
// sudog (raceA) before parking, so that whoever completes its operation can
// take what it did before, or pass it on to a later operation (rule 4),
// without taking it itself; the one that completes a parked operation
// releases into the sudog's raceB, and the parked goroutine acquires it when
// it runs again (raceWake). A sudog is never reused in a run that checks
// races, so these addresses keep their clocks for as long as they are named.
//
// The runtime's race build does the same with one address per buffer slot,
// on which each operation acquires and releases; that also orders
// operations the memory model does not order (two senders that never meet),
// which can hide races. Here only the four rules make edges.

import "unsafe"

// chanRace is a channel's race bookkeeping, made on first use in a run that
// checks races.
type chanRace struct {
	nsend, nrecv uint // values sent and received so far: the k of rule 4

	// slotTok[j] is what the receiver of the value in buffer slot j
	// acquires (rule 1): slotRel[j], where an active sender released, a
	// parked sender's raceA, or a timer's token.
	slotTok []unsafe.Pointer
	slotRel []uint64
	// ringTok[k%C] is what send k+C acquires when it completes (rule 4):
	// ringRel[k%C], where receive k released, or a parked receiver's raceA.
	ringTok []unsafe.Pointer
	ringRel []uint64

	closeRel uint64
	closeTok unsafe.Pointer // what a receive that sees the channel closed acquires (rule 2)
}

//go:norace
func (c *hchan) raceState() *chanRace {
	if c.race == nil {
		r := &chanRace{}
		if n := c.dataqsiz; n > 0 {
			r.slotTok = make([]unsafe.Pointer, n)
			r.slotRel = make([]uint64, n)
			r.ringTok = make([]unsafe.Pointer, n)
			r.ringRel = make([]uint64, n)
		}
		c.race = r
	}
	return c.race
}

// raceSelf reports whether gp is a goroutine of the run doing the operation
// itself; otherwise tok is the token of the timer function doing it (or nil).
//
//go:norace
func raceSelf(gp *G) (self bool, tok unsafe.Pointer) {
	if gp != nil {
		return true, nil
	}
	if s := active.Load(); s != nil && s.clock.inTimer {
		return false, s.clock.raceTok()
	}
	return false, nil
}

// raceParkSudog is the parking goroutine's release: what it did before its
// operation, for whoever completes it.
//
//go:norace
func raceParkSudog(sg *sudog) {
	raceRelease(unsafe.Pointer(&sg.raceA))
	sg.raceWake = nil
}

// raceWoken is the woken goroutine's acquire.
//
//go:norace
func raceWoken(sg *sudog) { raceAcquire(sg.raceWake) }

// raceSendDirect: gp (or a timer) sends straight to the parked receiver sg.
//
//go:norace
func (c *hchan) raceSendDirect(gp *G, sg *sudog) {
	r := c.raceState()
	n := r.nsend
	r.nsend++
	r.nrecv++
	self, tok := raceSelf(gp)
	if c.dataqsiz == 0 {
		if self {
			raceAcquire(unsafe.Pointer(&sg.raceA)) // rule 3
		}
	} else {
		i := n % c.dataqsiz
		if self && n >= c.dataqsiz {
			raceAcquire(r.ringTok[i]) // rule 4: receive n-C is done, the buffer being empty
		}
		r.ringTok[i] = unsafe.Pointer(&sg.raceA) // receive n, for send n+C
	}
	if self {
		raceRelease(unsafe.Pointer(&sg.raceB)) // rule 1
		sg.raceWake = unsafe.Pointer(&sg.raceB)
	} else {
		sg.raceWake = tok
	}
}

// raceSendBuf: gp (or a timer) puts a value into buffer slot j.
//
//go:norace
func (c *hchan) raceSendBuf(gp *G, j uint) {
	r := c.raceState()
	n := r.nsend
	r.nsend++
	self, tok := raceSelf(gp)
	if self && n >= c.dataqsiz {
		raceAcquire(r.ringTok[n%c.dataqsiz]) // rule 4: the buffer has room, so receive n-C is done
	}
	if self {
		raceRelease(unsafe.Pointer(&r.slotRel[j])) // rule 1
		r.slotTok[j] = unsafe.Pointer(&r.slotRel[j])
	} else {
		r.slotTok[j] = tok
	}
}

// raceRecvBuf: gp takes the value in buffer slot j.
//
//go:norace
func (c *hchan) raceRecvBuf(gp *G, j uint) {
	r := c.raceState()
	k := r.nrecv
	r.nrecv++
	if gp == nil {
		r.slotTok[j] = nil
		return
	}
	raceAcquire(r.slotTok[j]) // rule 1
	r.slotTok[j] = nil
	i := k % c.dataqsiz
	raceRelease(unsafe.Pointer(&r.ringRel[i])) // rule 4, for send k+C
	r.ringTok[i] = unsafe.Pointer(&r.ringRel[i])
}

// raceRecvDirect: gp receives on an unbuffered channel from the parked sender sg.
//
//go:norace
func (c *hchan) raceRecvDirect(gp *G, sg *sudog) {
	r := c.raceState()
	r.nrecv++
	r.nsend++
	if gp == nil {
		return
	}
	raceAcquire(unsafe.Pointer(&sg.raceA)) // rule 1
	raceRelease(unsafe.Pointer(&sg.raceB)) // rule 3
	sg.raceWake = unsafe.Pointer(&sg.raceB)
}

// raceRecvFull: gp takes the head of a full buffer, slot j, and the parked
// sender sg's value goes into that slot: receive k completes, and so does
// send k+C.
//
//go:norace
func (c *hchan) raceRecvFull(gp *G, sg *sudog, j uint) {
	c.raceRecvBuf(gp, j)
	r := c.race
	r.nsend++
	r.slotTok[j] = unsafe.Pointer(&sg.raceA) // rule 1, for whoever receives it
	if gp != nil {
		raceRelease(unsafe.Pointer(&sg.raceB)) // rule 4: receive k before send k+C completes
		sg.raceWake = unsafe.Pointer(&sg.raceB)
	}
}

// raceClose: gp (or a timer) closes the channel; the goroutines parked on it
// wake with what the close released.
//
//go:norace
func (c *hchan) raceClose(gp *G) unsafe.Pointer {
	r := c.raceState()
	self, tok := raceSelf(gp)
	if self {
		raceRelease(unsafe.Pointer(&r.closeRel)) // rule 2
		r.closeTok = unsafe.Pointer(&r.closeRel)
	} else {
		r.closeTok = tok
	}
	return r.closeTok
}

// raceRecvClosed: gp receives the zero value of a closed channel.
//
//go:norace
func (c *hchan) raceRecvClosed(gp *G) {
	if gp != nil {
		raceAcquire(c.raceState().closeTok) // rule 2
	}
}

// raceDrain: a timer's Stop or Reset threw away the value in slot j, which
// nobody will receive.
//
//go:norace
func (c *hchan) raceDrain(j uint) {
	r := c.raceState()
	k := r.nrecv
	r.nrecv++
	r.slotTok[j] = nil
	r.ringTok[k%c.dataqsiz] = nil
}
