package stopornot

import "time"

// Your predictions for the programs in timers.go (Go 1.23 timers, which is
// what this course's go.mod selects). Durations are from the start of each
// program: write them as 2 * time.Second, 1500 * time.Millisecond, ...
var (
	StopPendingReturns = true // not fired yet

	StopFiredReturns  = true  // fired, but nobody received: still pending
	StopFiredGetValue = false // Stop threw the unreceived value away

	StopReceivedReturns = false // fired and received: nothing to stop

	ResetFiredReturns    = true            // fired unreceived counts as pending
	ResetFiredReceivedAt = 3 * time.Second // Reset at 2s to 1s; the old value is gone

	ResetStoppedReturns    = false           // it had been stopped
	ResetStoppedReceivedAt = 3 * time.Second // 3s from the Reset at 0s

	StopAfterFuncReturns = false // f has been started already
	StopAfterFuncRan     = true
)
