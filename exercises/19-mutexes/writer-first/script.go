// Package writerfirst asks you to predict what an RWMutex answers, step by
// step, when readers and writers come and go.
//
// Script below plays a fixed story on one sync.RWMutex and one sync.Mutex.
// At each numbered step it asks with TryLock or TryRLock, which never wait,
// whether the lock could be taken at that moment, and reports the answer.
// Read the story, predict every answer, and write your predictions in
// answers.go. Do not change this file: the tests play the story and
// compare.
package writerfirst

import (
	"runtime"
	"sync"
)

// Steps are the questions of the story, in order. Answers must have one
// entry for each.
var Steps = []string{
	"1 reader A: TryRLock, nobody holds the lock",
	"2 reader B: TryRLock, reader A holds it",
	"3 writer W: TryLock, readers A and B hold it",
	"4 reader C: TryRLock, A and B hold it, writer V waits in Lock",
	"5 after reader A's RUnlock: has writer V got the lock?",
	"6 reader C: TryRLock, writer V holds the lock",
	"7 writer W: TryLock, writer V holds the lock",
	"8 reader C: TryRLock, after writer V's Unlock",
	"9 writer W: TryLock, reader C holds it",
	"10 mutex M: TryLock, nobody holds it",
	"11 mutex M: TryLock again, by the same goroutine that holds it",
}

// Script plays the story and calls answer once for each step, in order.
func Script(answer func(step string, ok bool)) {
	var rw sync.RWMutex

	answer(Steps[0], rw.TryRLock()) // reader A (kept if it got it)
	answer(Steps[1], rw.TryRLock()) // reader B (kept if it got it)
	if w := rw.TryLock(); w {
		answer(Steps[2], true)
		rw.Unlock()
	} else {
		answer(Steps[2], false)
	}

	// Writer V asks for the lock with Lock, which waits.
	vHasIt := make(chan struct{})
	vMayGo := make(chan struct{})
	vGone := make(chan struct{})
	go func() {
		rw.Lock()
		close(vHasIt)
		<-vMayGo
		rw.Unlock()
		close(vGone)
	}()
	waitUntilAWriterWaits(&rw)

	if c := rw.TryRLock(); c {
		answer(Steps[3], true)
		rw.RUnlock()
	} else {
		answer(Steps[3], false)
	}

	rw.RUnlock() // reader A leaves
	select {
	case <-vHasIt:
		answer(Steps[4], true)
	default:
		answer(Steps[4], false)
	}

	rw.RUnlock() // reader B leaves
	<-vHasIt     // now writer V has the lock

	if c := rw.TryRLock(); c {
		answer(Steps[5], true)
		rw.RUnlock()
	} else {
		answer(Steps[5], false)
	}
	if w := rw.TryLock(); w {
		answer(Steps[6], true)
		rw.Unlock()
	} else {
		answer(Steps[6], false)
	}

	close(vMayGo) // writer V unlocks
	<-vGone

	c := rw.TryRLock() // reader C (kept if it got it)
	answer(Steps[7], c)
	if w := rw.TryLock(); w {
		answer(Steps[8], true)
		rw.Unlock()
	} else {
		answer(Steps[8], false)
	}
	if c {
		rw.RUnlock()
	}

	var m sync.Mutex
	first := m.TryLock()
	answer(Steps[9], first)
	second := m.TryLock()
	answer(Steps[10], second)
}

// waitUntilAWriterWaits returns once a writer has called Lock on rw and is
// waiting for the readers to leave. It is the story's stage machinery, not
// part of the story: it only asks, and lets go at once.
func waitUntilAWriterWaits(rw *sync.RWMutex) {
	for rw.TryRLock() {
		rw.RUnlock()
		runtime.Gosched()
	}
}
