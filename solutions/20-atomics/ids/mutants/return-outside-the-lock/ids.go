// Mutant: locks a mutex around the increment but reads last for the return
// after unlocking: another Next can increment in between, and two callers
// get the same id (and the read races with the write).
package ids

import "sync"

// Generator hands out ids 1, 2, 3, ..., each once, to any number of
// goroutines.
type Generator struct {
	mu   sync.Mutex
	last int
}

// Next returns the next id.
func (g *Generator) Next() int {
	g.mu.Lock()
	g.last++
	g.mu.Unlock()
	return g.last
}
