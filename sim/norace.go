//go:build !race

package sim

import "unsafe"

// RaceBuild reports whether this binary was built with -race, so that runs
// can check data races (Options.Race).
const RaceBuild = false

//go:norace
func raceAcquire(addr unsafe.Pointer) {}

//go:norace
func raceRelease(addr unsafe.Pointer) {}

//go:norace
func raceReleaseMerge(addr unsafe.Pointer) {}

//go:norace
func raceDisable() {}

func raceRead(addr unsafe.Pointer) {}

func raceWrite(addr unsafe.Pointer) {}

//go:norace
func raceEnable() {}

//go:norace
func raceErrors() int { return 0 }
