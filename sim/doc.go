// Package sim runs Go programs under a deterministic scheduler.
//
// A program rewritten for sim (see CONTRACT.md) uses [Chan] instead of chan,
// [Select] instead of select and [Go] instead of the go statement. Each of
// these operations is a schedule point: exactly one simulated goroutine runs at
// a time, and at every schedule point a [Strategy] decides which runnable
// goroutine runs next. A run is therefore a pure function of the body, the
// strategy and its seed, and every run can be replayed from a short token.
//
// The channel simulator mirrors runtime/chan.go and runtime/select.go field
// for field (qcount, dataqsiz, buf, sendx, recvx, recvq, sendq, closed), so a
// learner can read chan.go beside the runtime's and recognise every line.
//
// Time is virtual (see [Now] and package sim/time): it starts at [Epoch] and
// moves only when no goroutine can run and a timer is pending, as in
// testing/synctest.
//
// [Run] executes one schedule and reports its outcome (pass, deadlock, leak,
// panic, failed assertion); [Explore] runs many schedules with one strategy
// and stops at the first bug.
package sim
