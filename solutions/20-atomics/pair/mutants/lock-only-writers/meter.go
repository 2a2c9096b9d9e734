// Mutant: Record takes a mutex around the two Adds, but Snapshot, "only
// reading", loads the atomics without it: it can still fall between them.
package pair

import (
	"sync"
	"sync/atomic"
)

// A Meter records measurements and reports their count and sum.
type Meter struct {
	mu    sync.Mutex
	count atomic.Int64
	sum   atomic.Int64
}

// Record adds one measurement.
func (m *Meter) Record(v int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.count.Add(1)
	m.sum.Add(v)
}

// Snapshot returns the number of measurements and their sum.
func (m *Meter) Snapshot() (count, sum int64) {
	return m.count.Load(), m.sum.Load()
}
