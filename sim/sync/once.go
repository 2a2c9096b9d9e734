package sync

import (
	"unsafe"

	"github.com/gocourse/gocourse/sim"
)

// Once is an object that will perform exactly one action. The zero value is
// ready to use.
//
// As in the real one, a goroutine that calls Do while another runs f waits
// on Once's mutex ("sync.Mutex.Lock") until f returns.
type Once struct {
	_    noCopy
	obj  sim.Object
	done bool
	m    Mutex
}

// Do calls f if and only if Do is being called for the first time for this
// instance of Once. No call to Do returns until the one call to f returns.
// If f panics, Do considers it to have returned; future calls of Do return
// without calling f.
//
//go:norace
func (o *Once) Do(f func()) {
	if yield("sync.Once.Do") {
		if o.obj.Use("once") {
			o.done = false
			o.m = Mutex{}
		}
	}
	if !o.done {
		o.doSlow(f)
		return
	}
	// The call of f happens before every Do returns (the real one's done
	// is atomic).
	sim.RaceAcquire(unsafe.Pointer(&o.done))
}

//go:norace
func (o *Once) doSlow(f func()) {
	o.obj.Changed()
	o.m.lock(&o.obj, "sync.Mutex.Lock")
	defer o.m.unlock(&o.obj)
	if !o.done {
		defer o.finish()
		sim.Event("do", &o.obj, "")
		f()
		return
	}
	sim.RaceAcquire(unsafe.Pointer(&o.done))
}

// finish marks o done once f has returned or panicked. (A method, not a
// closure: see sim/race.md.)
//
//go:norace
func (o *Once) finish() {
	sim.RaceRelease(unsafe.Pointer(&o.done))
	o.done = true
}
