package sim

import "strconv"

// Random returns the strategy that picks uniformly at random among the
// runnable goroutines at every schedule point, and among the choices of
// every select and Choose. Execution i (from 0) uses seed+i; its token is
// "r1.<seed+i>".
//
//go:norace
func Random(seed uint64) Strategy { return &randomStrategy{next: seed} }

type randomStrategy struct {
	next, cur uint64
	single    bool // replaying one seed
	used      bool
	rng       rng
}

//go:norace
func (r *randomStrategy) NewExecution() bool {
	if r.single && r.used {
		return false
	}
	r.used = true
	r.cur = r.next
	r.next++
	r.rng.seed(r.cur)
	return true
}

//go:norace
func (r *randomStrategy) NextGoroutine(d Decision) int { return r.rng.intn(d.N) }

//go:norace
func (r *randomStrategy) NextChoice(n int) int { return r.rng.intn(n) }

//go:norace
func (r *randomStrategy) Token() string { return "r1." + strconv.FormatUint(r.cur, 10) }
