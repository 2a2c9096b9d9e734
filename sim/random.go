package sim

import "math/rand"

// RunRand returns the pseudo-random generator of the run in progress, or nil
// outside a run. The drop-ins for math/rand and math/rand/v2 draw their
// top-level functions (rand.Intn, rand.Float64, ...) from it, so that a
// program's random numbers, like its schedule, are a function of the
// strategy and its seed: each schedule sees other numbers, and its replay
// token sees the same ones again. The generator is seeded at its first use
// in the run by a recorded choice (see Choose).
//
//go:norace
func RunRand() *rand.Rand {
	gp := getg()
	if gp == nil {
		return nil
	}
	s := gp.s
	if s.rand == nil {
		seed := int64(0)
		if !gp.abandoned {
			seed = int64(s.choose(1<<31 - 1))
		}
		s.rand = rand.New(rand.NewSource(seed))
	}
	return s.rand
}
