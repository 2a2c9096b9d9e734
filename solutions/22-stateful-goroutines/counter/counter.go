// Package counter keeps a table of counts that many goroutines update at
// once, without a lock: one goroutine owns the table, and everybody else
// asks it.
package counter

import "maps"

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
	go c.own()
	return c
}

// own is the owner: counts is its local variable, so no other goroutine
// can reach it. It serves one request at a time.
func (c *Counter) own() {
	defer close(c.done)
	counts := map[string]int{}
	for {
		select {
		case a, ok := <-c.adds:
			if !ok {
				return // Close
			}
			counts[a.key] += a.n
		case g := <-c.gets:
			g.reply <- counts[g.key]
		case s := <-c.snaps:
			s.reply <- maps.Clone(counts) // a copy: the map itself never leaves
		}
	}
}

// Add adds n to the count of key. When Add returns, the owner has done it:
// a Get or Snapshot that the same goroutine calls afterwards sees it.
func (c *Counter) Add(key string, n int) {
	// Unbuffered: the send completes only when the owner takes the request,
	// and the owner finishes it before it takes the next one.
	c.adds <- add{key, n}
}

// Get returns the count of key (0 for a key never added to).
func (c *Counter) Get(key string) int {
	reply := make(chan int)
	c.gets <- get{key, reply}
	return <-reply
}

// Snapshot returns a copy of every count. The caller may change the map it
// gets: that changes nothing in the Counter.
func (c *Counter) Snapshot() map[string]int {
	reply := make(chan map[string]int)
	c.snaps <- snap{reply}
	return <-reply
}

// Close stops the owner and returns once it has stopped. No method may be
// called after Close.
func (c *Counter) Close() {
	close(c.adds)
	<-c.done
}
