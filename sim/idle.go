package sim

import "unsafe"

// This file holds what testing/synctest needs of the scheduler: Wait, which
// blocks until every other goroutine is durably blocked, and a view of the
// goroutines left.

// idle is the goroutine blocked in WaitIdle, if any, and its run.
var idle struct {
	g   *G
	gen uint64
}

// WaitIdle blocks the calling goroutine until every other goroutine of the
// run is blocked (parked, or exited) and no timer is due: until nothing can
// happen without virtual time moving. Time does not move while it waits.
// This is testing/synctest.Wait; every goroutine of the run counts as part
// of the bubble. It panics "wait already in progress" when another goroutine
// is in WaitIdle, as the runtime does.
//
//go:norace
func WaitIdle() {
	gp := getg()
	if gp == nil {
		panic(misuse("WaitIdle outside a run"))
	}
	s := gp.s
	s.yield(gp)
	if idle.g != nil && idle.gen == s.gen && idle.g.status == gWaiting && idle.g.waitReason == waitReasonIdle {
		panic("wait already in progress")
	}
	idle.g, idle.gen = gp, s.gen
	s.park(gp, waitReasonIdle, nil)
	if raceOn {
		// What the goroutines that parked or exited did happens before
		// Wait returns, as in the runtime's bubbles.
		raceAcquire(unsafe.Pointer(&s.raceEnd))
	}
}

// waitReasonIdle is the runtime's name for a goroutine in synctest.Wait.
const waitReasonIdle = "synctest.Wait"

// wakeIdle readies the goroutine in WaitIdle, if any; findRunnable calls it
// when no goroutine can run, before it moves the clock. It reports whether
// it readied one.
//
//go:norace
func (s *scheduler) wakeIdle() bool {
	g := idle.g
	if g == nil || idle.gen != s.gen {
		return false
	}
	idle.g = nil
	if g.status != gWaiting || g.waitReason != waitReasonIdle {
		return false
	}
	s.ready(g)
	return true
}

// Goroutines describes every goroutine of the run that has not exited,
// other than the caller: its id, whether it is runnable or why it is
// parked, on what and where. Outside a run it returns nil.
//
//go:norace
func Goroutines() []GoroutineInfo {
	gp := getg()
	if gp == nil {
		return nil
	}
	var out []GoroutineInfo
	for _, info := range gp.s.goroutineInfos() {
		if info.ID != gp.id {
			out = append(out, info)
		}
	}
	return out
}
