// Mutant: uses Lock instead of TryLock. No refresh runs twice at once, but
// every caller waits for the refresh in progress and then runs another one.
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
	r.mu.Lock()
	defer r.mu.Unlock()
	r.refresh()
	return true
}
