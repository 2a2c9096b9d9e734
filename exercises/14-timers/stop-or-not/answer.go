package stopornot

import "time"

// Your predictions for the programs in timers.go (Go 1.23 timers, which is
// what this course's go.mod selects). Durations are from the start of each
// program: write them as 2 * time.Second, 1500 * time.Millisecond, ...
//
// TODO: replace every value below.
var (
	StopPendingReturns = false

	StopFiredReturns  = false
	StopFiredGetValue = true

	StopReceivedReturns = true

	ResetFiredReturns    = false
	ResetFiredReceivedAt = time.Duration(-1)

	ResetStoppedReturns    = true
	ResetStoppedReceivedAt = time.Duration(-1)

	StopAfterFuncReturns = true
	StopAfterFuncRan     = false
)
