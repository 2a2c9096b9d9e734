// Mutant: thinks Reset leaves the waiting tick in the channel (the pre-Go
// 1.23 behaviour) and that len(t.C) shows it, so the receive after Reset
// gets the tick due at 1s at once.
package slowreader

import "time"

var (
	SlowGotAt = []time.Duration{
		1 * time.Second, 3400 * time.Millisecond, 5800 * time.Millisecond,
		8200 * time.Millisecond, 10600 * time.Millisecond,
	}
	SlowCarries = []time.Duration{1 * time.Second, 2 * time.Second, 4 * time.Second, 6 * time.Second, 9 * time.Second}

	ResetLenBefore = 1
	ResetGotAt     = 2500 * time.Millisecond
	ResetCarries   = 1 * time.Second
)
