//go:build race

package sim

import (
	"runtime"
	"unsafe"
)

// RaceBuild reports whether this binary was built with -race, so that runs
// can check data races (Options.Race).
const RaceBuild = true

// These wrap the runtime's race-detector hooks, which exist only in -race
// builds (norace.go has the stubs).

//go:norace
func raceAcquire(addr unsafe.Pointer) {
	if addr != nil {
		runtime.RaceAcquire(addr)
	}
}

//go:norace
func raceRelease(addr unsafe.Pointer) { runtime.RaceRelease(addr) }

//go:norace
func raceReleaseMerge(addr unsafe.Pointer) { runtime.RaceReleaseMerge(addr) }

// raceRead and raceWrite tell ThreadSanitizer of a read or write of addr by
// the calling goroutine, as the standard library's internal/race does for
// memory its synchronisation uses as a marker (a WaitGroup's sema). The
// report's first frame is raceRead's or raceWrite's own; classifyFrame counts
// it as the standard library's.
//
//go:norace
func raceRead(addr unsafe.Pointer) { runtime.RaceRead(addr) }

//go:norace
func raceWrite(addr unsafe.Pointer) { runtime.RaceWrite(addr) }

// raceDisable makes ThreadSanitizer ignore the synchronisation the calling
// goroutine does until raceEnable: the channel operations of handoff.
//
//go:norace
func raceDisable() { runtime.RaceDisable() }

//go:norace
func raceEnable() { runtime.RaceEnable() }

// raceErrors is the number of reports ThreadSanitizer has printed so far.
//
//go:norace
func raceErrors() int { return runtime.RaceErrors() }
