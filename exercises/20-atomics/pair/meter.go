// Package pair is about two values that must change together.
package pair

import "sync/atomic"

// A Meter records measurements from many goroutines and reports how many
// there were and their sum, so that a reader can compute the average.
type Meter struct {
	count atomic.Int64
	sum   atomic.Int64
}

// Record adds one measurement.
func (m *Meter) Record(v int64) {
	// TODO: each Add is atomic. Are the two of them?
	m.count.Add(1)
	m.sum.Add(v)
}

// Snapshot returns the number of measurements and their sum, as they were
// at one moment: a reader must never see a measurement counted but not
// summed, or summed but not counted.
//
// Every access is atomic and the race detector is silent, yet a reader can
// see a count and a sum that never existed together: the simulator finds
// the schedule every time. Fix the Meter.
func (m *Meter) Snapshot() (count, sum int64) {
	return m.count.Load(), m.sum.Load()
}
