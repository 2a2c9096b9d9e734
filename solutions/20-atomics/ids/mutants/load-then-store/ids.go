// Mutant: an atomic.Int64, but Next loads it and then stores one more.
// Each step is atomic and the race detector is silent, yet two goroutines
// can load the same value between them: the same id twice.
package ids

import "sync/atomic"

// A Generator hands out the ids 1, 2, 3, ...
type Generator struct {
	last atomic.Int64
}

// Next returns the next id.
func (g *Generator) Next() int {
	next := g.last.Load() + 1
	g.last.Store(next)
	return int(next)
}
