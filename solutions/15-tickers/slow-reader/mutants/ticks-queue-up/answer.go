// Mutant: thinks the ticker queues every tick for a slow reader, as a
// channel with room for all of them would, so the ticks carry 1s, 2s, 3s,
// 4s, 5s.
package slowreader

import "time"

var (
	SlowGotAt = []time.Duration{
		1 * time.Second, 3400 * time.Millisecond, 5800 * time.Millisecond,
		8200 * time.Millisecond, 10600 * time.Millisecond,
	}
	SlowCarries = []time.Duration{1 * time.Second, 2 * time.Second, 3 * time.Second, 4 * time.Second, 5 * time.Second}

	ResetLenBefore = 0
	ResetGotAt     = 4500 * time.Millisecond
	ResetCarries   = 4500 * time.Millisecond
)
