// Package skipifbusy is about the rare right use of TryLock.
package skipifbusy

import "sync"

// A Refresher runs a slow refresh (of a cache, say) on demand, but never
// two at once, and never makes a caller wait for one: if a refresh is
// already running, a new request is simply dropped, since the refresh in
// progress will bring fresh data anyway.
type Refresher struct {
	refresh func()     // slow; must not run twice at the same time
	mu      sync.Mutex // held while a refresh runs
}

// NewRefresher returns a Refresher for refresh.
func NewRefresher(refresh func()) *Refresher {
	return &Refresher{refresh: refresh}
}

// TryRefresh runs the refresh and returns true, unless a refresh is already
// running: then it returns false at once, without waiting for it.
// TryRefresh may be called from many goroutines at once.
func (r *Refresher) TryRefresh() bool {
	// TryLock checks and takes in one step, and never waits. Here not
	// waiting is the point: a caller that finds the lock taken has nothing
	// to do. (A failed TryLock orders no memory; this caller reads nothing
	// that the refresh wrote, so it needs no order.)
	if !r.mu.TryLock() {
		return false
	}
	defer r.mu.Unlock()
	r.refresh()
	return true
}
