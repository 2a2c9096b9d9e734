// Mutant: one CompareAndSwap and no retry, assuming that a failed swap
// means someone raised peak higher. They may have raised it lower than n.
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

// raisePeak makes peak at least n.
func (g *Gauge) raisePeak(n int64) {
	p := g.peak.Load()
	if n > p {
		g.peak.CompareAndSwap(p, n) // if it fails, someone else raised it anyway
	}
}
