package sync

import (
	"unsafe"

	"github.com/gocourse/gocourse/sim"
)

// rwmutexMaxReaders is the most readers an RWMutex counts; a pending writer
// subtracts it from readerCount, as in the real one.
const rwmutexMaxReaders = 1 << 30

// An RWMutex is a reader/writer mutual exclusion lock. The lock can be held
// by an arbitrary number of readers or a single writer. The zero value is an
// unlocked mutex.
//
// It is the real RWMutex's algorithm: a writer that calls Lock first takes
// the writers' mutex, then announces itself by making readerCount negative,
// and waits for the readers already in to leave. From then on, new readers
// wait (as "sync.RWMutex.RLock") until the writer unlocks. So a goroutine
// that takes a read lock again while a writer waits deadlocks.
type RWMutex struct {
	obj         sim.Object
	w           Mutex // held if there are pending writers
	writerSem   sema  // writers wait here for departing readers
	readerSem   sema  // readers wait here for the writer
	readerCount int32 // number of pending readers (negative: a writer is pending)
	readerWait  int32 // number of departing readers the writer waits for
}

//go:norace
func (rw *RWMutex) use() {
	if rw.obj.Use("rwmutex") {
		*rw = RWMutex{obj: rw.obj}
	}
	rw.obj.Changed()
}

// RLock locks rw for reading. It must not be used for recursive read
// locking: a blocked Lock call excludes new readers from acquiring the lock.
//
//go:norace
func (rw *RWMutex) RLock() {
	if yield("sync.RWMutex.RLock") {
		rw.use()
	}
	rw.readerCount++
	if rw.readerCount < 0 {
		// A writer is pending, wait for it.
		rw.readerSem.acquire("sync.RWMutex.RLock", &rw.obj)
	}
	sim.Event("rlock", &rw.obj, "")
	// As the real one tells the race detector: the writer's Unlock happens
	// before RLock returns, every RUnlock before the next Lock returns.
	sim.RaceAcquire(unsafe.Pointer(&rw.readerSem))
}

// TryRLock tries to lock rw for reading and reports whether it succeeded.
//
//go:norace
func (rw *RWMutex) TryRLock() bool {
	if yield("sync.RWMutex.TryRLock") {
		rw.use()
	}
	if rw.readerCount < 0 {
		return false
	}
	rw.readerCount++
	sim.Event("rlock", &rw.obj, "trylock")
	sim.RaceAcquire(unsafe.Pointer(&rw.readerSem))
	return true
}

// RUnlock undoes a single RLock call. Calling it when rw is not locked for
// reading is a fatal error: "fatal error: sync: RUnlock of unlocked RWMutex".
//
//go:norace
func (rw *RWMutex) RUnlock() {
	if yield("sync.RWMutex.RUnlock") {
		rw.use()
	}
	sim.RaceReleaseMerge(unsafe.Pointer(&rw.writerSem))
	rw.readerCount--
	if r := rw.readerCount; r < 0 {
		// Outlined slow-path, as in the real one.
		rw.rUnlockSlow(r)
		return
	}
	sim.Event("runlock", &rw.obj, "")
}

//go:norace
func (rw *RWMutex) rUnlockSlow(r int32) {
	if r+1 == 0 || r+1 == -rwmutexMaxReaders {
		sim.Fatal("sync: RUnlock of unlocked RWMutex")
	}
	sim.Event("runlock", &rw.obj, "")
	// A writer is pending.
	rw.readerWait--
	if rw.readerWait == 0 {
		// The last reader unblocks the writer.
		rw.writerSem.release()
	}
}

// Lock locks rw for writing. If the lock is already locked for reading or
// writing, Lock parks until the lock is available.
//
//go:norace
func (rw *RWMutex) Lock() {
	if yield("sync.RWMutex.Lock") {
		rw.use()
	}
	// First, resolve competition with other writers.
	rw.w.lock(&rw.obj, "sync.RWMutex.Lock")
	// Announce to readers there is a pending writer.
	r := rw.readerCount
	rw.readerCount -= rwmutexMaxReaders
	// Wait for active readers.
	if r != 0 {
		rw.readerWait += r
		if rw.readerWait != 0 {
			rw.writerSem.acquire("sync.RWMutex.Lock", &rw.obj)
		}
	}
	sim.Event("lock", &rw.obj, "")
	sim.RaceAcquire(unsafe.Pointer(&rw.readerSem))
	sim.RaceAcquire(unsafe.Pointer(&rw.writerSem))
}

// TryLock tries to lock rw for writing and reports whether it succeeded.
//
//go:norace
func (rw *RWMutex) TryLock() bool {
	if yield("sync.RWMutex.TryLock") {
		rw.use()
	}
	if !rw.w.tryLock(&rw.obj) {
		return false
	}
	if rw.readerCount != 0 {
		rw.w.unlock(&rw.obj)
		return false
	}
	rw.readerCount = -rwmutexMaxReaders
	sim.Event("lock", &rw.obj, "trylock")
	sim.RaceAcquire(unsafe.Pointer(&rw.readerSem))
	sim.RaceAcquire(unsafe.Pointer(&rw.writerSem))
	return true
}

// Unlock unlocks rw for writing. Calling it when rw is not locked for
// writing is a fatal error: "fatal error: sync: Unlock of unlocked RWMutex".
//
//go:norace
func (rw *RWMutex) Unlock() {
	if yield("sync.RWMutex.Unlock") {
		rw.use()
	}
	// Announce to readers there is no active writer.
	rw.readerCount += rwmutexMaxReaders
	r := rw.readerCount
	if r >= rwmutexMaxReaders {
		sim.Fatal("sync: Unlock of unlocked RWMutex")
	}
	sim.Event("unlock", &rw.obj, "")
	sim.RaceRelease(unsafe.Pointer(&rw.readerSem))
	// Unblock blocked readers, if any.
	for i := 0; i < int(r); i++ {
		rw.readerSem.release()
	}
	// Allow other writers to proceed.
	rw.w.unlock(&rw.obj)
}

// RLocker returns a Locker that implements Lock and Unlock by calling
// rw.RLock and rw.RUnlock.
//
//go:norace
func (rw *RWMutex) RLocker() Locker {
	return (*rlocker)(rw)
}

type rlocker RWMutex

//go:norace
func (r *rlocker) Lock() { (*RWMutex)(r).RLock() }

//go:norace
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }
