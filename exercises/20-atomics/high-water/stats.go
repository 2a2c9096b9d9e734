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
//
// Every access here is atomic, and the race detector has nothing to say.
// Yet on some schedules the peak ends lower than it was: the simulator
// finds one every time. Fix raisePeak, without a mutex.
func (g *Gauge) raisePeak(n int64) {
	// TODO: between the Load and the Store, another goroutine may raise
	// peak higher. What does this Store do to that?
	if n > g.peak.Load() {
		g.peak.Store(n)
	}
}
