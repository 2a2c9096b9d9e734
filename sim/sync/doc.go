// Package sync is the drop-in for package sync in programs run under sim.
//
// The rewriter imports it in place of "sync", under the same name, so that a
// learner's code still reads sync.Mutex, sync.WaitGroup, wg.Go(...). Every
// operation that blocks or synchronises is a schedule point, and a goroutine
// that has to wait parks on the simulated scheduler with the runtime's wait
// reason ("sync.Mutex.Lock", "sync.RWMutex.RLock", "sync.WaitGroup.Wait",
// "sync.Cond.Wait"), so that deadlocks and leaks are reported with it and the
// place where the goroutine waits. Locks, unlocks, waits and wake-ups are
// trace events on objects named "mutex#1", "rwmutex#1", "waitgroup#1", ...
//
// The types follow the standard package's implementation closely, so that
// they allow exactly the interleavings the real ones allow:
//
//   - Mutex lets a running goroutine take the lock before a woken waiter
//     (normal mode) and hands it over in FIFO order once a waiter has waited
//     more than 1ms of virtual time (starvation mode).
//   - RWMutex gives writers preference: once a writer waits, new readers wait
//     behind it, so a recursive read lock with a writer pending deadlocks.
//   - WaitGroup panics as the real one does ("sync: negative WaitGroup
//     counter", "sync: WaitGroup is reused before previous Wait has
//     returned") and no more.
//   - Unlocking an unlocked Mutex or RWMutex is a fatal error, not a panic:
//     recover cannot catch it and the run ends with "fatal error: ...".
//
// Zero values are ready to use. The state of a lock, wait group, once, cond
// or pool that an earlier run of the same process changed (a package-level
// variable) is discarded when the next run first uses it, as if the process
// had started again.
//
// Map and Pool are deterministic: Range visits keys in the order they were
// first stored, and a Pool never drops what was put into it within a run.
package sync

import stdsync "sync"

// A Locker represents an object that can be locked and unlocked. It is the
// standard sync.Locker, so values move freely between the two.
type Locker = stdsync.Locker

// noCopy makes go vet's copylocks check report copies of the types that
// contain it.
type noCopy struct{}

//go:norace
func (*noCopy) Lock() {}

//go:norace
func (*noCopy) Unlock() {}
