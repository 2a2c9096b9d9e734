// Package stopornot is a handful of small programs that stop and reset
// timers. Read them, predict what they observe, and write your predictions
// in answer.go. Do not change this file: the tests run these programs on a
// fake clock (a synctest bubble, where time.Sleep takes no real time) and
// compare what they really observe with what you predicted.
package stopornot

import "time"

// StopPending stops a timer that has not fired yet. It returns Stop's result.
func StopPending() bool {
	t := time.NewTimer(time.Second)
	return t.Stop()
}

// StopFired lets a timer fire without receiving its value, then stops it.
// It returns Stop's result, and whether a receive after the Stop got a
// value (without waiting: a select with a default).
func StopFired() (stopped, gotValue bool) {
	t := time.NewTimer(time.Second)
	time.Sleep(2 * time.Second) // the timer's time has come; nobody receives
	stopped = t.Stop()
	select {
	case <-t.C:
		gotValue = true
	default:
	}
	return stopped, gotValue
}

// StopReceived receives a timer's value, then stops it. It returns Stop's
// result.
func StopReceived() bool {
	t := time.NewTimer(time.Second)
	<-t.C
	return t.Stop()
}

// ResetFired lets a timer fire at 1s without receiving its value, resets
// it at 2s to 1s, and then receives from it. It returns Reset's result and
// when the receive returned (time since the start).
func ResetFired() (wasPending bool, receivedAt time.Duration) {
	start := time.Now()
	t := time.NewTimer(time.Second)
	time.Sleep(2 * time.Second)
	wasPending = t.Reset(time.Second)
	<-t.C
	return wasPending, time.Since(start)
}

// ResetStopped stops a timer at once, resets it to 3s, and receives from
// it. It returns Reset's result and when the receive returned.
func ResetStopped() (wasPending bool, receivedAt time.Duration) {
	start := time.Now()
	t := time.NewTimer(time.Second)
	t.Stop()
	wasPending = t.Reset(3 * time.Second)
	<-t.C
	return wasPending, time.Since(start)
}

// StopAfterFunc lets an AfterFunc timer's time pass, then stops it. It
// returns Stop's result, and whether f ran.
func StopAfterFunc() (stopped, ran bool) {
	done := make(chan struct{})
	t := time.AfterFunc(time.Second, func() { close(done) })
	time.Sleep(2 * time.Second)
	stopped = t.Stop()
	select {
	case <-done:
		ran = true
	default:
	}
	return stopped, ran
}
