package slowreader

import "time"

// Your predictions for the programs in reader.go (Go 1.23 tickers, which
// is what this course's go.mod selects). Durations are from the start of
// each program: write them as 2 * time.Second, 1500 * time.Millisecond...
var (
	// SlowReader: when each of the 5 ticks was received, and the time
	// each one carries. The reader is back at 3.4s, 5.8s, 8.2s, 10.6s and
	// finds a tick waiting every time: the one due first after it left.
	// The ticks of 3s, 5s, 7s, 8s and 10s came while that one waited, and
	// were dropped.
	SlowGotAt = []time.Duration{
		1 * time.Second, 3400 * time.Millisecond, 5800 * time.Millisecond,
		8200 * time.Millisecond, 10600 * time.Millisecond,
	}
	SlowCarries = []time.Duration{1 * time.Second, 2 * time.Second, 4 * time.Second, 6 * time.Second, 9 * time.Second}

	// ResetLate: len(t.C) is 0 since Go 1.23, although the tick of 1s is
	// waiting (2s was dropped). Reset at 2.5s throws it away: the next tick
	// is due at 2.5s + 2s.
	ResetLenBefore = 0
	ResetGotAt     = 4500 * time.Millisecond
	ResetCarries   = 4500 * time.Millisecond
)
