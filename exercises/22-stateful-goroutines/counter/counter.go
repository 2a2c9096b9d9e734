// Package counter keeps a table of counts that many goroutines update at
// once, without a lock: one goroutine owns the table, and everybody else
// asks it.
package counter

// A Counter counts events by key. Its methods may be called from any number
// of goroutines at once.
//
// The map of counts belongs to one goroutine, the owner, started by New. No
// other goroutine may read or write it: the methods send the owner a
// request, and the requests that need an answer carry a channel for it.
type Counter struct {
	adds  chan add
	gets  chan get
	snaps chan snap
	done  chan struct{} // closed by the owner when it has stopped
}

// The requests. Each one that needs an answer carries its own reply
// channel, so that every caller gets its own answer.
type add struct {
	key string
	n   int
}

type get struct {
	key   string
	reply chan int
}

type snap struct {
	reply chan map[string]int
}

// New returns a Counter whose owner goroutine is running. Close stops it.
func New() *Counter {
	c := &Counter{
		adds:  make(chan add),
		gets:  make(chan get),
		snaps: make(chan snap),
		done:  make(chan struct{}),
	}
	// TODO: start the owner: a goroutine with the map as a local variable
	// that serves the requests one at a time until Close, and then closes
	// c.done.
	return c
}

// Add adds n to the count of key. When Add returns, the owner has done it:
// a Get or Snapshot that the same goroutine calls afterwards sees it.
func (c *Counter) Add(key string, n int) {
	// TODO: send the owner an add request.
}

// Get returns the count of key (0 for a key never added to).
func (c *Counter) Get(key string) int {
	// TODO: send a get request with a fresh reply channel, and wait for
	// the answer on it.
	return 0
}

// Snapshot returns a copy of every count. The caller may change the map it
// gets: that changes nothing in the Counter.
func (c *Counter) Snapshot() map[string]int {
	// TODO: the owner must answer with a copy of its map, never the map
	// itself.
	return nil
}

// Close stops the owner and returns once it has stopped. No method may be
// called after Close.
func (c *Counter) Close() {
	// TODO: tell the owner to stop (closing a request channel is one way),
	// then wait until it has closed c.done.
}
