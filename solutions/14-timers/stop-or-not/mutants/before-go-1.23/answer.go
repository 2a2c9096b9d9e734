// Mutant: the pre-Go 1.23 model, where a fired timer's value sits in a
// buffer: Stop of a fired timer returns false and the stale value can still
// be received.
package stopornot

import "time"

var (
	StopPendingReturns = true

	StopFiredReturns  = false
	StopFiredGetValue = true

	StopReceivedReturns = false

	ResetFiredReturns    = false
	ResetFiredReceivedAt = 2 * time.Second

	ResetStoppedReturns    = false
	ResetStoppedReceivedAt = 3 * time.Second

	StopAfterFuncReturns = false
	StopAfterFuncRan     = true
)
