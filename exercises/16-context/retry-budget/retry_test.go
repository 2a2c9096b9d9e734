package retrybudget

import (
	"context"
	"errors"
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// Inside synctest.Test the clock is fake: the times below are exact.

const ms = time.Millisecond

var (
	errFlaky    = errors.New("flaky backend")
	errShutdown = errors.New("server shutting down")
)

// hang is an attempt that never succeeds: it waits until its context is
// done and returns its error.
func hang(ctx context.Context) error {
	<-ctx.Done()
	return ctx.Err()
}

// failAfter is an attempt that fails after d, or when its context is done.
func failAfter(d time.Duration) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		select {
		case <-time.After(d):
			return errFlaky
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

type outcome struct {
	started  []time.Duration // when each attempt started
	err      error
	returned time.Duration
}

// run calls Retry(ctx, tries, 2s, 300ms, ...) with the attempts given
// (the last one is used again when there are more tries), and records
// when each attempt started and what Retry returned, and when.
func run(t *testing.T, makeCtx func() (context.Context, func()), tries int, attempts ...func(ctx context.Context) error) (o outcome) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := makeCtx()
		defer cancel()
		start := time.Now()
		n := 0
		o.err = Retry(ctx, tries, 2*time.Second, 300*ms, func(actx context.Context) error {
			o.started = append(o.started, time.Since(start))
			a := attempts[min(n, len(attempts)-1)]
			n++
			return a(actx)
		})
		o.returned = time.Since(start)
	})
	return o
}

func timeout(d time.Duration) func() (context.Context, func()) {
	return func() (context.Context, func()) { return context.WithTimeout(context.Background(), d) }
}

func check(t *testing.T, what string, o outcome, started []time.Duration, err error, returned time.Duration, why string) {
	t.Helper()
	if !slices.Equal(o.started, started) || o.err != err || o.returned != returned {
		t.Errorf("%s:\nthe attempts started at %v, and Retry returned %v at %v;\nwant                   %v, and %v at %v.\n%s",
			what, o.started, o.err, o.returned, started, err, returned, why)
	}
}

func TestDeadlineDuringAnAttempt(t *testing.T) {
	o := run(t, timeout(5*time.Second), 10, hang)
	check(t, "ctx times out at 5s; 10 tries of at most 2s, 300ms apart; every attempt hangs", o,
		[]time.Duration{0, 2300 * ms, 4600 * ms}, context.DeadlineExceeded, 5*time.Second,
		"The third attempt starts at 4.6s and its context must end at 5s, with the caller's, not at 6.6s:\n"+
			"make each attempt's context from ctx, not from context.Background() (see \"Deadlines and timeouts\").")
}

func TestDeadlineDuringAPause(t *testing.T) {
	o := run(t, timeout(4400*ms), 10, hang)
	check(t, "ctx times out at 4.4s; 10 tries of at most 2s, 300ms apart; every attempt hangs", o,
		[]time.Duration{0, 2300 * ms}, context.DeadlineExceeded, 4400*ms,
		"The second attempt ends at 4.3s, and ctx ends at 4.4s, in the middle of the pause: Retry returns then.\n"+
			"time.Sleep cannot be interrupted; wait for the pause in a select that also waits for ctx.Done().")
}

func TestSuccess(t *testing.T) {
	o := run(t, timeout(time.Minute), 5, failAfter(500*ms), func(ctx context.Context) error {
		time.Sleep(time.Second)
		return nil
	})
	check(t, "the first attempt fails after 500ms, the second succeeds after 1s", o,
		[]time.Duration{0, 800 * ms}, nil, 1800*ms, "Retry returns nil as soon as an attempt succeeds.")
}

func TestTriesUsedUp(t *testing.T) {
	o := run(t, func() (context.Context, func()) { return context.Background(), func() {} }, 3, failAfter(100*ms))
	check(t, "3 tries, each failing after 100ms, 300ms apart", o,
		[]time.Duration{0, 400 * ms, 800 * ms}, errFlaky, 900*ms,
		"After the last try, Retry returns its error at once: there is no pause after it.")
}

func TestCancelledWithCause(t *testing.T) {
	o := run(t, func() (context.Context, func()) {
		ctx, cancel := context.WithCancelCause(context.Background())
		time.AfterFunc(time.Second, func() { cancel(errShutdown) })
		return ctx, func() { cancel(nil) }
	}, 10, hang)
	check(t, "ctx is cancelled at 1s with a cause, during the first attempt", o,
		[]time.Duration{0}, errShutdown, time.Second,
		"When ctx is done, Retry returns context.Cause(ctx) at once (see \"Why was it cancelled? Cause\").")
}
