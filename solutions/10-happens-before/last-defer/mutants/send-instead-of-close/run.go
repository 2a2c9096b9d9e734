// Mutant: signals with a send instead of a close, in the same place: the
// edge is the same, and so is the write it does not cover.
// Package lastdefer is about which writes a signal covers: the ones made
// before it, and no others.
package lastdefer

import "time"

// A Report is what a run of Run produces.
type Report struct {
	Result            int
	Started, Finished time.Time
}

// Run calls work in a new goroutine, waits for it, and returns the report:
// the result of work, and when the worker started and finished.
//
// Run reads the report only after the worker has signalled that it is
// done, and on most runs that is enough. But one of the worker's writes
// happens after the signal: nothing orders it before Run's read.
func Run(work func() int) Report {
	var r Report
	done := make(chan struct{})
	go func() {
		defer func() { r.Finished = time.Now() }()
		defer func() { done <- struct{}{} }()
		r.Started = time.Now()
		r.Result = work()
	}()
	<-done
	return r
}
