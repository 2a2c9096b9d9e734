// Mutant: waits between tries with time.Sleep, which cannot be
// interrupted: a deadline that passes during the pause is noticed only
// when the pause is over.
package retrybudget

import (
	"context"
	"time"
)

// Retry calls attempt until it returns nil, at most tries times.
func Retry(ctx context.Context, tries int, perTry, pause time.Duration, attempt func(ctx context.Context) error) error {
	var err error
	for i := range max(tries, 1) {
		if i > 0 {
			time.Sleep(pause)
			if ctx.Err() != nil {
				return context.Cause(ctx)
			}
		}
		actx, cancel := context.WithTimeout(ctx, perTry)
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
