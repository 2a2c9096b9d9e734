package slowreader

import "time"

// Your predictions for the programs in reader.go (Go 1.23 tickers, which
// is what this course's go.mod selects). Durations are from the start of
// each program: write them as 2 * time.Second, 1500 * time.Millisecond...
//
// TODO: replace every value below.
var (
	// SlowReader: when each of the 5 ticks was received, and the time
	// each one carries.
	SlowGotAt   = []time.Duration{}
	SlowCarries = []time.Duration{}

	// ResetLate: len(t.C) just before the Reset, when the tick after the
	// Reset is received, and the time it carries.
	ResetLenBefore = -1
	ResetGotAt     = time.Duration(-1)
	ResetCarries   = time.Duration(-1)
)
