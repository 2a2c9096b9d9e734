package sim

import "math/bits"

// Strategy decides who runs at every schedule point of a run, and makes the
// run's other nondeterministic choices (which ready select case proceeds,
// Choose). One Strategy value drives a sequence of runs (executions); the
// shape is shuttle's: each strategy is a short file behind this interface.
//
// A strategy must be deterministic: the same decisions, asked in the same
// order, get the same answers, so that a run is a pure function of body,
// strategy and seed.
type Strategy interface {
	// NewExecution is called before each run. It returns false when the
	// strategy has nothing left to try (exhaustive search is complete, or a
	// replay has been replayed).
	NewExecution() bool
	// NextGoroutine returns the index (in [0,d.N)) of the goroutine that
	// runs next. It is asked only when more than one goroutine can run.
	NextGoroutine(d Decision) int
	// NextChoice returns a value in [0,n), n >= 2.
	NextChoice(n int) int
	// Token returns a short replay token for the current execution, or ""
	// when only the recorded choices can replay it (see Result.Token).
	Token() string
}

// Decision is a schedule point at which more than one goroutine can run.
// The goroutines that can run are numbered 0..N-1 in id order; Runnable
// returns one in O(log N), and Next walks them.
type Decision struct {
	// N is how many goroutines can run (at least 2).
	N int
	// Current is the index of the goroutine that was running, or -1 when
	// it blocked or exited. Picking another one preempts it.
	Current int

	q  *runQ
	gs []*G
}

// Runnable returns the i-th goroutine that can run, in id order, 0 <= i < N.
//
//go:norace
func (d Decision) Runnable(i int) *G { return d.gs[d.q.idAt(i)-1] }

// Next returns the goroutine that can run after g, in id order: the first
// when g is nil, nil after the last. With Next a strategy walks them all in
// O(N) (package sim uses no func literals: see race.md).
//
//go:norace
func (d Decision) Next(g *G) *G {
	if g == nil {
		return d.q.first
	}
	return g.runNext
}

// Default is the choice that preempts nobody: the running goroutine if it
// can go on, else the runnable goroutine with the lowest id.
//
//go:norace
func (d Decision) Default() int {
	if d.Current >= 0 {
		return d.Current
	}
	return 0
}

// Preempts reports whether running Runnable(i) preempts the running goroutine.
//
//go:norace
func (d Decision) Preempts(i int) bool { return d.Current >= 0 && i != d.Current }

// rng is splitmix64: small, fast, and the same on every platform and Go
// version, so seeds stay valid.
type rng struct{ s uint64 }

//go:norace
func (r *rng) seed(s uint64) { r.s = s }

//go:norace
func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0,n).
//
//go:norace
func (r *rng) intn(n int) int {
	hi, _ := bits.Mul64(r.next(), uint64(n))
	return int(hi)
}
