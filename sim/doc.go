// Package sim runs Go programs under a deterministic scheduler.
//
// A program rewritten for sim (see CONTRACT.md) uses [Chan] instead of chan,
// [Select] instead of select and [Go] instead of the go statement. Each of
// these operations is a schedule point: exactly one simulated goroutine runs at
// a time, and at every schedule point a [Strategy] decides which runnable
// goroutine runs next. A run is therefore a pure function of the body, the
// strategy and its seed, and every run can be replayed from a short token.
//
// The channel simulator follows runtime/chan.go and runtime/select.go: the
// same fields (qcount, dataqsiz, buf, sendx, recvx, recvq, sendq, closed) and
// the same functions, so a learner can read chan.go beside the runtime's and
// recognise its steps. It differs on purpose where the runtime's reasons do
// not apply or where exploring needs it:
//   - no locks: exactly one simulated goroutine runs at a time;
//   - a blocked sender's value waits in its sudog, and a blocked receiver's
//     arrives in its sudog and is copied out when it wakes, where the runtime
//     copies straight between the two goroutines' stacks (sendDirect,
//     recvDirect);
//   - the sudog cache is per channel (a sudog carries a value of the
//     channel's element type), not per P;
//   - select has no pollorder or lockorder: every ready case is collected and
//     a Strategy chooses among them, so that exploring meets each choice,
//     where the runtime takes the first ready case of a random order.
//
// Time is virtual (see [Now] and package sim/time): it starts at [Epoch] and
// moves only when no goroutine can run and a timer is pending, as in
// testing/synctest.
//
// [Run] executes one schedule and reports its outcome (pass, deadlock, leak,
// panic, failed assertion); [Explore] runs many schedules with one strategy
// and stops at the first bug.
package sim
