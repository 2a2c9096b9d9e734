// Package checkall runs health checks at the same time and reports the
// first failure, as soon as there is one.
package checkall

// CheckAll runs every check in its own goroutine, all at once. It returns
// the first error that a check reports (first in time, not in the order of
// checks), as soon as it has it, without waiting for the other checks; or
// nil once every check has passed.
//
// When CheckAll returns early, the checks still running go on, and each of
// them must be able to finish: no goroutine started by CheckAll may be
// left waiting for ever.
func CheckAll(checks []func() error) error {
	// One slot per check: every send completes at once, whether CheckAll
	// is still receiving or has returned. The answers nobody reads are
	// collected with the channel.
	errs := make(chan error, len(checks))
	for _, check := range checks {
		go func() {
			errs <- check()
		}()
	}
	for range checks {
		if err := <-errs; err != nil {
			return err
		}
	}
	return nil
}
