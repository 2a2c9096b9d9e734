// Mutant: starts each job's grace period when the job starts, with
// context.WithTimeout, not when the signal comes. Every job is then cut
// off after grace, signal or no signal.

// Package drain is a graceful shutdown: when the signal comes, the server
// stops taking work but lets the job in progress finish, within a grace
// period.
package drain

import (
	"context"
	"time"
)

// A Job is one piece of work.
type Job string

// Serve takes jobs from jobs, one at a time, and runs each with work. It
// returns the number of jobs that work finished without an error.
//
// ctx is cancelled when the process is asked to stop: in a program it comes
// from signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM). From that
// moment Serve takes no new job. The job in progress, if there is one, may
// go on for up to grace more; only then is its context cancelled (work
// returns soon after its context is done). Serve returns as soon as no job
// is running any more, or when jobs is closed.
func Serve(ctx context.Context, jobs <-chan Job, work func(context.Context, Job) error, grace time.Duration) (finished int) {
	for ctx.Err() == nil {
		select {
		case <-ctx.Done():
		case j, ok := <-jobs:
			if !ok {
				return finished
			}
			jobCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), grace)
			err := work(jobCtx, j)
			cancel()
			if err == nil {
				finished++
			}
		}
	}
	return finished
}
