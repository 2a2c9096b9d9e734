// Mutant: makes each attempt's context from context.Background(), so an
// attempt may run on past the caller's deadline, up to its own perTry.
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
	var err error
	for i := range max(tries, 1) {
		if i > 0 {
			t := time.NewTimer(pause)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				return context.Cause(ctx)
			}
		}
		actx, cancel := context.WithTimeout(context.Background(), perTry)
		err = attempt(actx)
		cancel()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
	}
	return err
}
