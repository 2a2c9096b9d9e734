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
