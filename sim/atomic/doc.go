// Package atomic is the drop-in for package sync/atomic in programs run
// under sim.
//
// Every function and method is a schedule point: the strategy may let
// another goroutine run just before the operation, which then happens at
// once, as one indivisible step (only one simulated goroutine runs at a
// time). That is exactly the freedom the real operations leave: any
// interleaving of whole atomic operations. Each operation is a trace event
// "atomic" whose detail names it ("AddInt64", "Int32.CompareAndSwap").
//
// The operations themselves are the standard ones, so the types keep their
// alignment guarantees, go vet's copy checks, and Value's panics word for
// word; outside a run they are the plain standard operations.
package atomic

import (
	"strings"

	"github.com/gocourse/gocourse/sim"
)

// step is the schedule point before an atomic operation, and its trace
// event.
//
//go:norace
func step(op string) {
	if sim.Current() == nil {
		return
	}
	sim.Yield(op)
	sim.Event("atomic", nil, op)
	if strings.Contains(op, "Load") {
		sim.Polled() // a load alone changes nothing: a loop of them spins
	}
}
