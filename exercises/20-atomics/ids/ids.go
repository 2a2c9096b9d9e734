// Package ids hands out unique numbers to many goroutines at once.
package ids

// A Generator hands out the ids 1, 2, 3, ... Each id is handed out once,
// however many goroutines call Next at the same time. The zero value is
// ready to use.
type Generator struct {
	// TODO: a plain int, read and written by several goroutines at once, is
	// a data race. Make it a counter that Next can bump in one step.
	last int
}

// Next returns the next id: 1 on the first call, and one more than the
// previous id on every call after it. It is safe to call from many
// goroutines at once and never waits.
func (g *Generator) Next() int {
	g.last++
	return g.last
}
