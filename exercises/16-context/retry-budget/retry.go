// Package retrybudget is about retries that share one deadline: the
// caller's.
package retrybudget

import (
	"context"
	"time"
)

// Retry calls attempt until it returns nil, at most tries times (at least
// once), waiting pause between two attempts. It returns nil as soon as an
// attempt succeeds, and the last attempt's error when every try failed.
//
// Each attempt gets a context of its own, which ends perTry after the
// attempt started, or when ctx ends, whichever comes first. ctx is the
// whole budget: when it is done (during an attempt or during a pause),
// Retry returns context.Cause(ctx) at once, without starting another
// attempt.
//
// attempt returns when its context is done, if not before.
func Retry(ctx context.Context, tries int, perTry, pause time.Duration, attempt func(ctx context.Context) error) error {
	// TODO: two things here ignore ctx, so that Retry runs on long after
	// the caller's deadline. The tests run on a fake clock and check when
	// each attempt starts and when Retry returns, exactly.
	var err error
	for i := range tries {
		if i > 0 {
			time.Sleep(pause)
		}
		actx, cancel := context.WithTimeout(context.Background(), perTry)
		err = attempt(actx)
		cancel()
		if err == nil {
			return nil
		}
	}
	return err
}
