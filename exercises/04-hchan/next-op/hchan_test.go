package nextop

import (
	"reflect"
	"unsafe"
)

// This file reads a channel's hchan fields, so that the tests compare your
// prediction with what the channel really holds.
//
// Run for real, a channel value is a pointer to the runtime's hchan; the
// struct below copies the beginning of its Go 1.26 layout (see
// $(go env GOROOT)/src/runtime/chan.go and runtime2.go for sudog). Under
// the course's simulator, the channel is a *sim.Chan whose fields have the
// same names. Only read a channel this way while every goroutine using it
// is parked or finished, as the tests do.

type rtHchan struct {
	qcount   uint
	dataqsiz uint
	buf      unsafe.Pointer
	elemsize uint16
	closed   uint32
	timer    unsafe.Pointer
	elemtype unsafe.Pointer
	sendx    uint
	recvx    uint
	recvq    rtWaitq
	sendq    rtWaitq
}

type rtWaitq struct{ first, last *rtSudog }

type rtSudog struct {
	g          unsafe.Pointer
	next, prev *rtSudog
}

// fields are the parts of an hchan that the exercise asks about.
type fields struct {
	qcount, sendx, recvx int
	nsendq, nrecvq       int // how many goroutines are parked in each queue
}

func readFields(ch any) fields {
	v := reflect.ValueOf(ch)
	if v.Kind() == reflect.Chan { // the real runtime
		h := (*rtHchan)(v.UnsafePointer())
		count := func(q rtWaitq) int {
			n := 0
			for s := q.first; s != nil; s = s.next {
				n++
			}
			return n
		}
		return fields{int(h.qcount), int(h.sendx), int(h.recvx), count(h.sendq), count(h.recvq)}
	}
	// The simulator: *sim.Chan[T], which embeds the simulated hchan.
	h := v.Elem()
	count := func(q reflect.Value) int {
		n := 0
		for s := q.FieldByName("first"); !s.IsNil(); s = s.Elem().FieldByName("next") {
			n++
		}
		return n
	}
	return fields{
		int(h.FieldByName("qcount").Uint()), int(h.FieldByName("sendx").Uint()), int(h.FieldByName("recvx").Uint()),
		count(h.FieldByName("sendq")), count(h.FieldByName("recvq")),
	}
}
