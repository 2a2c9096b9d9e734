// Package pair is about two values that must change together.
package pair

import "sync"

// A Meter records measurements from many goroutines and reports how many
// there were and their sum, so that a reader can compute the average.
type Meter struct {
	mu    sync.Mutex // guards count and sum together: sum is the sum of count measurements
	count int64
	sum   int64
}

// Record adds one measurement.
func (m *Meter) Record(v int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.count++
	m.sum += v
}

// Snapshot returns the number of measurements and their sum, as they were
// at one moment: a reader never sees a measurement counted but not summed,
// or summed but not counted.
func (m *Meter) Snapshot() (count, sum int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.count, m.sum
}
