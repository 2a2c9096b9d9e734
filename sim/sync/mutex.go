package sync

import (
	"unsafe"

	"github.com/gocourse/gocourse/sim"
)

// starvationThresholdNs is how long a waiter may be passed over before the
// mutex hands the lock over in FIFO order, as in the real Mutex (1ms; here of
// virtual time).
const starvationThresholdNs = 1e6

// A Mutex is a mutual exclusion lock. The zero value is an unlocked mutex.
//
// As the real one, it has two modes. In normal mode a goroutine that calls
// Lock while the mutex is free takes it, even if a woken waiter has not run
// yet; a waiter that loses goes back to the front of the queue. Once a
// waiter has waited more than 1ms, the mutex starves newcomers: Unlock hands
// it to the first waiter, and new callers of Lock queue at the back.
type Mutex struct {
	obj      sim.Object
	locked   bool
	woken    bool     // a waiter has been woken and has not run yet (mutexWoken)
	starving bool     // Unlock hands the lock to the first waiter (mutexStarving)
	waiters  []*sim.G // parked in Lock, first to wake first
}

// use starts an operation: a mutex left by an earlier run starts unlocked.
//
//go:norace
func (m *Mutex) use(kind string) {
	if m.obj.Use(kind) {
		*m = Mutex{obj: m.obj}
	}
}

// Lock locks m. If the lock is already in use, the calling goroutine parks
// ("sync.Mutex.Lock") until the mutex is available.
//
//go:norace
func (m *Mutex) Lock() {
	if yield("sync.Mutex.Lock") {
		m.use("mutex")
	}
	m.lock(&m.obj, "sync.Mutex.Lock")
	sim.Event("lock", &m.obj, "")
	// Unlock n happens before Lock n+1 returns (the memory model).
	sim.RaceAcquire(unsafe.Pointer(m))
}

// TryLock tries to lock m and reports whether it succeeded.
//
//go:norace
func (m *Mutex) TryLock() bool {
	if yield("sync.Mutex.TryLock") {
		m.use("mutex")
	}
	if !m.tryLock(&m.obj) {
		sim.Polled()
		return false
	}
	sim.Event("lock", &m.obj, "trylock")
	sim.RaceAcquire(unsafe.Pointer(m))
	return true
}

// Unlock unlocks m. Unlocking an unlocked mutex is a fatal error, as in the
// runtime: "fatal error: sync: unlock of unlocked mutex".
//
// A locked Mutex is not associated with a particular goroutine: one
// goroutine may lock it and another unlock it.
//
//go:norace
func (m *Mutex) Unlock() {
	if yield("sync.Mutex.Unlock") {
		m.use("mutex")
	}
	if !m.locked {
		sim.Fatal("sync: unlock of unlocked mutex")
	}
	sim.Event("unlock", &m.obj, "")
	sim.RaceRelease(unsafe.Pointer(m))
	m.unlock(&m.obj)
}

//go:norace
func (m *Mutex) tryLock(obj *sim.Object) bool {
	if m.locked || m.starving {
		return false
	}
	m.locked = true
	obj.Changed()
	return true
}

// lock takes m, parking for reason on obj while it is held. The trace
// event is the caller's.
//
//go:norace
func (m *Mutex) lock(obj *sim.Object, reason string) {
	// Fast path: grab an unlocked mutex.
	if m.tryLock(obj) {
		return
	}
	g := current(reason)
	obj.Changed()
	waitStart := sim.Now()
	starving := false
	m.waiters = append(m.waiters, g)
	for {
		sim.Park(reason, obj)
		starving = starving || sim.Now()-waitStart > starvationThresholdNs
		if m.starving {
			// Starvation mode: Unlock handed the lock to us. Leave the
			// mode if we did not wait long, or nobody else waits.
			if !starving || len(m.waiters) == 0 {
				m.starving = false
			}
			return
		}
		// Normal mode: we were woken, and compete with whoever runs.
		m.woken = false
		if !m.locked {
			m.locked = true
			return
		}
		if starving {
			m.starving = true
		}
		// Lost: wait again, at the front of the queue.
		pushFront(&m.waiters, g)
	}
}

// unlock releases m, which is locked, and wakes a waiter if one should go.
//
//go:norace
func (m *Mutex) unlock(obj *sim.Object) {
	obj.Changed()
	if m.starving && len(m.waiters) > 0 {
		// Hand the lock to the first waiter: m stays locked, for it.
		sim.Ready(popFront(&m.waiters))
		return
	}
	m.starving = false
	m.locked = false
	if len(m.waiters) > 0 && !m.woken {
		m.woken = true
		sim.Ready(popFront(&m.waiters))
	}
}
