// Mutant: TryLock, then Unlock at once, "so as not to hold a lock during a
// slow call". The lock then protects nothing: two refreshes can run at once.
package skipifbusy

import "sync"

// A Refresher runs a slow refresh on demand, never two at once.
type Refresher struct {
	refresh func()
	mu      sync.Mutex
}

// NewRefresher returns a Refresher for refresh.
func NewRefresher(refresh func()) *Refresher {
	return &Refresher{refresh: refresh}
}

// TryRefresh runs the refresh and returns true, unless one is running.
func (r *Refresher) TryRefresh() bool {
	if !r.mu.TryLock() {
		return false
	}
	r.mu.Unlock()
	r.refresh()
	return true
}
