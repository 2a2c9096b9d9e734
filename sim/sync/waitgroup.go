package sync

import (
	"strconv"
	"unsafe"

	"github.com/gocourse/gocourse/sim"
)

// A WaitGroup waits for a collection of tasks to finish. The zero value is
// ready to use.
//
// Its state is the real one's: the counter in the high 32 bits and the
// number of waiters in the low 32 bits, with the same checks and panics.
type WaitGroup struct {
	noCopy noCopy
	obj    sim.Object
	state  uint64 // high 32 bits are counter, low 32 bits are waiter count
	sema   sema
}

//go:norace
func (wg *WaitGroup) use() {
	if wg.obj.Use("waitgroup") {
		*wg = WaitGroup{obj: wg.obj}
	}
}

// Add adds delta, which may be negative, to the WaitGroup task counter. If
// the counter becomes zero, all goroutines blocked on Wait are released. If
// the counter goes negative, Add panics.
//
// Add and Wait are not go:norace, unlike the rest of the simulator, nor
// inlined: their entry tells the race detector the caller's line, which a
// race between an Add from zero and a Wait names (see sim.RaceRead). They
// touch no memory themselves.
//
//go:noinline
func (wg *WaitGroup) Add(delta int) { wg.addCall(delta) }

//go:norace
func (wg *WaitGroup) addCall(delta int) {
	if yield("sync.WaitGroup.Add") {
		wg.use()
	}
	wg.add(delta, "add")
}

// Done decrements the WaitGroup task counter by one: it is Add(-1).
//
//go:norace
func (wg *WaitGroup) Done() {
	if yield("sync.WaitGroup.Done") {
		wg.use()
	}
	wg.add(-1, "done")
}

//go:norace
func (wg *WaitGroup) add(delta int, op string) {
	if delta < 0 {
		// Every Done happens before Wait returns (the real one tells the
		// race detector the same).
		sim.RaceReleaseMerge(unsafe.Pointer(wg))
	}
	wg.obj.Changed()
	wg.state += uint64(delta) << 32
	state := wg.state
	v := int32(state >> 32)
	w := uint32(state)
	sim.Event(op, &wg.obj, counter(v))
	if delta > 0 && v == int32(delta) {
		// The first increment must be ordered with Wait: a read of sema, as
		// the real one tells the race detector; a Wait that blocks writes it.
		sim.RaceRead(unsafe.Pointer(&wg.sema))
	}
	if v < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if w != 0 && delta > 0 && v == int32(delta) {
		panic("sync: WaitGroup misuse: Add called concurrently with Wait")
	}
	if v > 0 || w == 0 {
		return
	}
	// This goroutine has set counter to 0 when waiters > 0: reset the
	// waiters count to 0 and release them all.
	wg.state = 0
	for ; w != 0; w-- {
		wg.sema.release()
	}
}

// Wait blocks until the WaitGroup task counter is zero. Like Add, it is not
// go:norace.
//
//go:noinline
func (wg *WaitGroup) Wait() { wg.waitCall() }

//go:norace
func (wg *WaitGroup) waitCall() {
	if yield("sync.WaitGroup.Wait") {
		wg.use()
	}
	v := int32(wg.state >> 32)
	sim.Event("wait", &wg.obj, counter(v))
	if v == 0 {
		// Counter is 0, no need to wait.
		sim.RaceAcquire(unsafe.Pointer(wg))
		return
	}
	if uint32(wg.state) == 0 {
		// The first waiter writes sema, to race with an Add from zero
		// that is not ordered with it; later waiters do not, or
		// concurrent Waits would race with each other.
		sim.RaceWrite(unsafe.Pointer(&wg.sema))
	}
	// Increment waiters count.
	wg.obj.Changed()
	wg.state++
	wg.sema.acquire("sync.WaitGroup.Wait", &wg.obj)
	if wg.state != 0 {
		panic("sync: WaitGroup is reused before previous Wait has returned")
	}
	sim.RaceAcquire(unsafe.Pointer(wg))
}

// Go calls f in a new goroutine and adds that task to the WaitGroup. When f
// returns, the task is removed from the WaitGroup. If f panics, the task is
// not removed: the panic ends the run, as it ends the program.
//
// Like Add and Wait, it is not go:norace, nor inlined: a race between its Add
// and a Wait names the caller's line.
//
//go:noinline
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	sim.Go(func() {
		defer func() {
			if x := recover(); x != nil {
				// f panicked, which is fatal because this is a new
				// goroutine: do not call Done, simply panic.
				panic(x)
			}
			// f completed normally, or abruptly using runtime.Goexit.
			wg.Done()
		}()
		f()
	})
}

// counters are the trace details "counter=N" for small N, built once.
var counters = func() (c [64]string) {
	for i := range c {
		c[i] = "counter=" + strconv.Itoa(i)
	}
	return
}()

//go:norace
func counter(v int32) string {
	if v >= 0 && int(v) < len(counters) {
		return counters[v]
	}
	return "counter=" + strconv.Itoa(int(v))
}
