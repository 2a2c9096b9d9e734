// Package rand is the drop-in for math/rand in programs run under sim.
//
// Inside a run, the top-level functions (Intn, Float64, Perm, Shuffle, ...)
// draw from the run's own generator (sim.RunRand) instead of the process's
// random source, so that a run is a function of the strategy and its seed
// and its replay token reproduces it, random numbers included. A small
// bound (Intn(n), Int31n(n), Int63n(n) with n <= SmallN) is a recorded
// choice of the strategy itself (sim.Choose): exhaustive search (DFS) tries
// every value of a coin flip such as rand.Intn(2). Seed does nothing inside
// a run, as it does since Go 1.24 (GODEBUG randseednop=1).
//
// Outside a run every function is the standard one. Types (Rand, Source,
// Source64, Zipf) are aliases and New, NewSource and NewZipf the real
// ones: a generator the program makes and seeds itself is deterministic
// already.
package rand

import (
	stdrand "math/rand"

	"github.com/gocourse/gocourse/sim"
)

// SmallN is the largest bound that Intn, Int31n and Int63n turn into a
// choice of the strategy inside a run.
const SmallN = 16

// Types of package math/rand.
type (
	Rand     = stdrand.Rand
	Source   = stdrand.Source
	Source64 = stdrand.Source64
	Zipf     = stdrand.Zipf
)

// New is math/rand.New.
//
//go:norace
func New(src Source) *Rand { return stdrand.New(src) }

// NewSource is math/rand.NewSource.
//
//go:norace
func NewSource(seed int64) Source { return stdrand.NewSource(seed) }

// NewZipf is math/rand.NewZipf.
//
//go:norace
func NewZipf(r *Rand, s float64, v float64, imax uint64) *Zipf {
	return stdrand.NewZipf(r, s, v, imax)
}

// small returns a recorded choice in [0,n) inside a run, for a small n.
//
//go:norace
func small(n int64) (int64, bool) {
	if n <= 0 || n > SmallN || sim.Current() == nil {
		return 0, false
	}
	return int64(sim.Choose(int(n))), true
}

// Seed does nothing inside a run; outside it is math/rand.Seed.
//
//go:norace
func Seed(seed int64) {
	if sim.RunRand() == nil {
		stdrand.Seed(seed) //nolint:staticcheck // the standard behaviour outside a run
	}
}

//go:norace
func Int63() int64 {
	if r := sim.RunRand(); r != nil {
		return r.Int63()
	}
	return stdrand.Int63()
}

//go:norace
func Uint32() uint32 {
	if r := sim.RunRand(); r != nil {
		return r.Uint32()
	}
	return stdrand.Uint32()
}

//go:norace
func Uint64() uint64 {
	if r := sim.RunRand(); r != nil {
		return r.Uint64()
	}
	return stdrand.Uint64()
}

//go:norace
func Int31() int32 {
	if r := sim.RunRand(); r != nil {
		return r.Int31()
	}
	return stdrand.Int31()
}

//go:norace
func Int() int {
	if r := sim.RunRand(); r != nil {
		return r.Int()
	}
	return stdrand.Int()
}

//go:norace
func Int63n(n int64) int64 {
	if v, ok := small(n); ok {
		return v
	}
	if r := sim.RunRand(); r != nil {
		return r.Int63n(n)
	}
	return stdrand.Int63n(n)
}

//go:norace
func Int31n(n int32) int32 {
	if v, ok := small(int64(n)); ok {
		return int32(v)
	}
	if r := sim.RunRand(); r != nil {
		return r.Int31n(n)
	}
	return stdrand.Int31n(n)
}

//go:norace
func Intn(n int) int {
	if v, ok := small(int64(n)); ok {
		return int(v)
	}
	if r := sim.RunRand(); r != nil {
		return r.Intn(n)
	}
	return stdrand.Intn(n)
}

//go:norace
func Float64() float64 {
	if r := sim.RunRand(); r != nil {
		return r.Float64()
	}
	return stdrand.Float64()
}

//go:norace
func Float32() float32 {
	if r := sim.RunRand(); r != nil {
		return r.Float32()
	}
	return stdrand.Float32()
}

//go:norace
func Perm(n int) []int {
	if r := sim.RunRand(); r != nil {
		return r.Perm(n)
	}
	return stdrand.Perm(n)
}

//go:norace
func Shuffle(n int, swap func(i, j int)) {
	if r := sim.RunRand(); r != nil {
		r.Shuffle(n, swap)
		return
	}
	stdrand.Shuffle(n, swap)
}

//go:norace
func Read(p []byte) (n int, err error) {
	if r := sim.RunRand(); r != nil {
		return r.Read(p)
	}
	return stdrand.Read(p) //nolint:staticcheck // the standard behaviour outside a run
}

//go:norace
func NormFloat64() float64 {
	if r := sim.RunRand(); r != nil {
		return r.NormFloat64()
	}
	return stdrand.NormFloat64()
}

//go:norace
func ExpFloat64() float64 {
	if r := sim.RunRand(); r != nil {
		return r.ExpFloat64()
	}
	return stdrand.ExpFloat64()
}
