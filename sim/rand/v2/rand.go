// Package rand is the drop-in for math/rand/v2 in programs run under sim.
//
// Inside a run, the top-level functions (IntN, N, Float64, Perm, Shuffle,
// ...) draw from the run's own generator (sim.RunRand) instead of the
// process's random source, so that a run is a function of the strategy and
// its seed and its replay token reproduces it. A small bound (IntN, Int32N,
// Int64N, UintN, Uint32N, Uint64N and N with n <= SmallN) is a recorded
// choice of the strategy itself (sim.Choose), which exhaustive search
// enumerates.
//
// Outside a run every function is the standard one. Types are aliases and
// the constructors the real ones: a generator the program seeds itself is
// deterministic already.
package rand

import (
	stdrand "math/rand/v2"

	"github.com/gocourse/gocourse/sim"
)

// SmallN is the largest bound that IntN and its kin turn into a choice of
// the strategy inside a run.
const SmallN = 16

// Types of package math/rand/v2.
type (
	ChaCha8 = stdrand.ChaCha8
	PCG     = stdrand.PCG
	Rand    = stdrand.Rand
	Source  = stdrand.Source
	Zipf    = stdrand.Zipf
)

// New is math/rand/v2.New.
//
//go:norace
func New(src Source) *Rand { return stdrand.New(src) }

// NewChaCha8 is math/rand/v2.NewChaCha8.
//
//go:norace
func NewChaCha8(seed [32]byte) *ChaCha8 { return stdrand.NewChaCha8(seed) }

// NewPCG is math/rand/v2.NewPCG.
//
//go:norace
func NewPCG(seed1, seed2 uint64) *PCG { return stdrand.NewPCG(seed1, seed2) }

// NewZipf is math/rand/v2.NewZipf.
//
//go:norace
func NewZipf(r *Rand, s float64, v float64, imax uint64) *Zipf {
	return stdrand.NewZipf(r, s, v, imax)
}

// runSource feeds a math/rand/v2 Rand from the run's generator.
type runSource struct{}

//go:norace
func (runSource) Uint64() uint64 { return sim.RunRand().Uint64() }

// run returns a generator over the run's random numbers, or nil outside a run.
//
//go:norace
func run() *Rand {
	if sim.Current() == nil {
		return nil
	}
	return stdrand.New(runSource{})
}

// small returns a recorded choice in [0,n) inside a run, for a small n.
//
//go:norace
func small(n uint64) (uint64, bool) {
	if n == 0 || n > SmallN || sim.Current() == nil {
		return 0, false
	}
	return uint64(sim.Choose(int(n))), true
}

//go:norace
func Int64() int64 {
	if r := run(); r != nil {
		return r.Int64()
	}
	return stdrand.Int64()
}

//go:norace
func Uint32() uint32 {
	if r := run(); r != nil {
		return r.Uint32()
	}
	return stdrand.Uint32()
}

//go:norace
func Uint64() uint64 {
	if r := run(); r != nil {
		return r.Uint64()
	}
	return stdrand.Uint64()
}

//go:norace
func Int32() int32 {
	if r := run(); r != nil {
		return r.Int32()
	}
	return stdrand.Int32()
}

//go:norace
func Int() int {
	if r := run(); r != nil {
		return r.Int()
	}
	return stdrand.Int()
}

//go:norace
func Uint() uint {
	if r := run(); r != nil {
		return r.Uint()
	}
	return stdrand.Uint()
}

//go:norace
func Int64N(n int64) int64 {
	if n > 0 {
		if v, ok := small(uint64(n)); ok {
			return int64(v)
		}
	}
	if r := run(); r != nil {
		return r.Int64N(n)
	}
	return stdrand.Int64N(n)
}

//go:norace
func Uint64N(n uint64) uint64 {
	if v, ok := small(n); ok {
		return v
	}
	if r := run(); r != nil {
		return r.Uint64N(n)
	}
	return stdrand.Uint64N(n)
}

//go:norace
func Int32N(n int32) int32 {
	if n > 0 {
		if v, ok := small(uint64(n)); ok {
			return int32(v)
		}
	}
	if r := run(); r != nil {
		return r.Int32N(n)
	}
	return stdrand.Int32N(n)
}

//go:norace
func Uint32N(n uint32) uint32 {
	if v, ok := small(uint64(n)); ok {
		return uint32(v)
	}
	if r := run(); r != nil {
		return r.Uint32N(n)
	}
	return stdrand.Uint32N(n)
}

//go:norace
func IntN(n int) int {
	if n > 0 {
		if v, ok := small(uint64(n)); ok {
			return int(v)
		}
	}
	if r := run(); r != nil {
		return r.IntN(n)
	}
	return stdrand.IntN(n)
}

//go:norace
func UintN(n uint) uint {
	if v, ok := small(uint64(n)); ok {
		return uint(v)
	}
	if r := run(); r != nil {
		return r.UintN(n)
	}
	return stdrand.UintN(n)
}

// N returns a pseudo-random number in [0,n) of any integer type, as
// math/rand/v2.N does; it panics if n <= 0.
//
//go:norace
func N[Int intType](n Int) Int {
	if n <= 0 {
		panic("invalid argument to N")
	}
	if v, ok := small(uint64(n)); ok {
		return Int(v)
	}
	if r := run(); r != nil {
		return Int(r.Uint64N(uint64(n)))
	}
	return stdrand.N(n)
}

type intType interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

//go:norace
func Float64() float64 {
	if r := run(); r != nil {
		return r.Float64()
	}
	return stdrand.Float64()
}

//go:norace
func Float32() float32 {
	if r := run(); r != nil {
		return r.Float32()
	}
	return stdrand.Float32()
}

//go:norace
func Perm(n int) []int {
	if r := run(); r != nil {
		return r.Perm(n)
	}
	return stdrand.Perm(n)
}

//go:norace
func Shuffle(n int, swap func(i, j int)) {
	if r := run(); r != nil {
		r.Shuffle(n, swap)
		return
	}
	stdrand.Shuffle(n, swap)
}

//go:norace
func NormFloat64() float64 {
	if r := run(); r != nil {
		return r.NormFloat64()
	}
	return stdrand.NormFloat64()
}

//go:norace
func ExpFloat64() float64 {
	if r := run(); r != nil {
		return r.ExpFloat64()
	}
	return stdrand.ExpFloat64()
}
