// Package ids hands out unique numbers to many goroutines at once.
package ids

import "sync/atomic"

// A Generator hands out the ids 1, 2, 3, ... Each id is handed out once,
// however many goroutines call Next at the same time. The zero value is
// ready to use.
type Generator struct {
	last atomic.Int64
}

// Next returns the next id: 1 on the first call, and one more than the
// previous id on every call after it. It is safe to call from many
// goroutines at once and never waits.
func (g *Generator) Next() int {
	// Add reads, adds and writes in one indivisible step, and returns the
	// value it wrote: no other call can get the same one.
	return int(g.last.Add(1))
}
