package sim

// InitFunc runs the body of a package's init function. The rewriter makes
// func init() call it, with the body moved to a function of its own that the
// package's reset calls again at the start of every run.
//
// Called outside a run (the process starting up), it runs f as the body of a
// run of its own, under the default schedule, which ends when f returns: an
// init that waits (a WaitGroup, a channel, a sleep) waits under the
// scheduler, as it does under the real one, instead of blocking outside a
// run. What f sets up stays, as after a real init; the goroutines it leaves
// are stopped, and each run's reset starts them again. Inside a run, as from
// a reset, f simply runs.
//
//go:norace
func InitFunc(f func()) {
	if getg() != nil {
		f()
		return
	}
	Run(f, Options{MainExits: true, NoPositions: true})
}

// InitValue evaluates a package-level variable's initializer f as InitFunc
// runs an init function: the rewriter turns var x = EXPR into
// var x = sim.InitValue(func() T { return EXPR }), so that an initializer
// that waits (a channel receive, a WaitGroup) waits under the scheduler when
// the process starts, instead of blocking outside a run. Inside a run, as
// from a reset, f simply runs.
//
//go:norace
func InitValue[T any](f func() T) T {
	if getg() != nil {
		return f()
	}
	iv := &initValue[T]{f: f}
	Run(iv.run, Options{MainExits: true, NoPositions: true})
	return iv.v
}

// initValue holds an initializer and its value: a method, not a closure, so
// that its write is not instrumented in a -race build (see race.md).
type initValue[T any] struct {
	f func() T
	v T
}

//go:norace
func (iv *initValue[T]) run() { iv.v = iv.f() }

// InitValue2 is InitValue for an initializer of two variables, such as
// var v, ok = <-ch or var a, b = f().
//
//go:norace
func InitValue2[T, U any](f func() (T, U)) (T, U) {
	if getg() != nil {
		return f()
	}
	iv := &initValue2[T, U]{f: f}
	Run(iv.run, Options{MainExits: true, NoPositions: true})
	return iv.v, iv.w
}

type initValue2[T, U any] struct {
	f func() (T, U)
	v T
	w U
}

//go:norace
func (iv *initValue2[T, U]) run() { iv.v, iv.w = iv.f() }
