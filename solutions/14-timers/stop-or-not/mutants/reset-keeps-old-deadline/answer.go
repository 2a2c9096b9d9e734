// Mutant: believes Reset counts from the original start of the timer rather
// than from the moment of the Reset.
package stopornot

import "time"

var (
	StopPendingReturns = true

	StopFiredReturns  = true
	StopFiredGetValue = false

	StopReceivedReturns = false

	ResetFiredReturns    = true
	ResetFiredReceivedAt = 2 * time.Second

	ResetStoppedReturns    = false
	ResetStoppedReceivedAt = 3 * time.Second

	StopAfterFuncReturns = false
	StopAfterFuncRan     = true
)
