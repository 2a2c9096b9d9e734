// Package highwater is about an atomic update that depends on the old value.
package highwater

import "sync/atomic"

// Gauge tracks how many requests are in flight, and the most there have
// ever been at once (the high-water mark). Many goroutines call Enter and
// Leave at the same time; none of them may wait for a lock.
type Gauge struct {
	inFlight atomic.Int64
	peak     atomic.Int64
}

// Enter records that a request has started.
func (g *Gauge) Enter() {
	n := g.inFlight.Add(1)
	g.raisePeak(n)
}

// Leave records that a request has finished.
func (g *Gauge) Leave() {
	g.inFlight.Add(-1)
}

// Peak returns the most requests that were ever in flight at once.
func (g *Gauge) Peak() int64 {
	return g.peak.Load()
}

// raisePeak makes peak at least n, without a lock: load, decide, and
// store only if nobody changed peak in between; otherwise start again.
func (g *Gauge) raisePeak(n int64) {
	for {
		p := g.peak.Load()
		if n <= p {
			return // someone already recorded as many or more
		}
		if g.peak.CompareAndSwap(p, n) {
			return // peak was still p: now it is n
		}
		// peak changed since the Load: look again
	}
}
