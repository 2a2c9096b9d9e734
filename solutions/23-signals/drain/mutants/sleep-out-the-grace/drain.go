// Mutant: when the signal comes, sleeps for the whole grace period and
// then cancels, instead of waiting for the job or the grace period,
// whichever ends first: a job that finishes early still costs the grace.
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
			if run(ctx, j, work, grace) == nil {
				finished++
			}
		}
	}
	return finished
}

// run runs one job. Its context is not ctx: the signal does not reach it.
// It is cancelled grace after ctx is, or when the job is over.
func run(ctx context.Context, j Job, work func(context.Context, Job) error, grace time.Duration) error {
	jobCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	result := make(chan error, 1) // the job can always deliver its result
	go func() { result <- work(jobCtx, j) }()
	select {
	case err := <-result:
		return err
	case <-ctx.Done():
		// The signal: the grace period starts now.
		time.Sleep(grace) // "give the job its grace"
		cancel()
		return <-result
	}
}
