// Package skipifbusy is about the rare right use of TryLock.
package skipifbusy

// A Refresher runs a slow refresh (of a cache, say) on demand, but never
// two at once, and never makes a caller wait for one: if a refresh is
// already running, a new request is simply dropped, since the refresh in
// progress will bring fresh data anyway.
type Refresher struct {
	refresh func() // slow; must not run twice at the same time

	// TODO: a plain bool read and written by several goroutines is a data
	// race, and the check and the set below are not one step anyway.
	busy bool
}

// NewRefresher returns a Refresher for refresh.
func NewRefresher(refresh func()) *Refresher {
	return &Refresher{refresh: refresh}
}

// TryRefresh runs the refresh and returns true, unless a refresh is already
// running: then it returns false at once, without waiting for it.
// TryRefresh may be called from many goroutines at once.
func (r *Refresher) TryRefresh() bool {
	if r.busy {
		return false
	}
	r.busy = true
	r.refresh()
	r.busy = false
	return true
}
