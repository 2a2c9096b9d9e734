package sim

// handoff passes control from the goroutine from to the goroutine to and,
// unless from is exiting, blocks from until control comes back to it.
//
// It is the only place where control moves between the real goroutines of a
// run: every other part of sim runs on whichever goroutine has control, one at
// a time.
//
// Each G waits on a one-slot channel of its own. With GOMAXPROCS(1) the send
// readies the target on the current P and the receive switches to it directly.
//
// When the run checks data races (race.md), these channel operations, and the
// go statement that starts a G's real goroutine, must not be edges in
// ThreadSanitizer's happens-before graph: the order in which the scheduler
// happened to run two goroutines is not synchronisation the program did. Both
// sides of every hand-off therefore run it inside RaceDisable/RaceEnable,
// which makes ThreadSanitizer ignore their synchronisation (its ignore_sync:
// the release of the send, the acquire of the receive, even when the runtime
// performs it on behalf of the woken goroutine, and the creation of a
// goroutine). The only edges left are the simulated ones: RaceAcquire and
// RaceRelease in the channel, select, sync, time and context code.
//
//go:norace
func handoff(from, to *G, exiting bool) {
	race := raceOn
	if race {
		raceDisable()
	}
	if to.started {
		to.wake <- struct{}{}
	} else {
		to.started = true
		to.wake = make(chan struct{}, 1)
		if race {
			raceGo(to) // go to.main(), so that race reports name to
		} else {
			go to.main()
		}
	}
	if !exiting {
		<-from.wake
	}
	if race {
		raceEnable()
	}
}
