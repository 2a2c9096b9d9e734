// Mutant: adds to sum first and to count last, and loads count first, in
// the hope that the order makes the pair consistent. A reader can still
// load count before a Record and sum after it.
package pair

import "sync/atomic"

// A Meter records measurements and reports their count and sum.
type Meter struct {
	count atomic.Int64
	sum   atomic.Int64
}

// Record adds one measurement.
func (m *Meter) Record(v int64) {
	m.sum.Add(v)
	m.count.Add(1)
}

// Snapshot returns the number of measurements and their sum.
func (m *Meter) Snapshot() (count, sum int64) {
	count = m.count.Load()
	sum = m.sum.Load()
	return count, sum
}
