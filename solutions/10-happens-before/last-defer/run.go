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
// done, and the signal comes after the worker's last write.
func Run(work func() int) Report {
	var r Report
	done := make(chan struct{})
	go func() {
		// Deferred calls run last in, first out: the close, deferred first,
		// runs last, after every write to r. So all of them are
		// synchronized before Run's <-done returns.
		defer close(done)
		defer func() { r.Finished = time.Now() }()
		r.Started = time.Now()
		r.Result = work()
	}()
	<-done
	return r
}
