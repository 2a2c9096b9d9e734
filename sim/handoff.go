package sim

// handoff passes control from the goroutine from to the goroutine to and,
// unless from is exiting, blocks from until control comes back to it.
//
// It is the only place where control moves between the real goroutines of a
// run: every other part of sim runs on whichever goroutine has control, one at
// a time. A race-detector build can wrap it in runtime.RaceDisable and
// RaceEnable, so that the only happens-before edges ThreadSanitizer sees are
// the simulated ones (RaceAcquire/RaceRelease in the channel and lock code).
//
// Each G waits on a one-slot channel of its own. With GOMAXPROCS(1) the send
// readies the target on the current P and the receive switches to it directly.
func handoff(from, to *G, exiting bool) {
	if to.started {
		to.wake <- struct{}{}
	} else {
		to.started = true
		to.wake = make(chan struct{}, 1)
		go to.main()
	}
	if !exiting {
		<-from.wake
	}
}
