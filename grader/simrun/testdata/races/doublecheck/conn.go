// Package doublecheck: lazy initialisation with double-checked locking and
// no atomics: the first check reads conn without the lock.
package doublecheck

import "sync"

type Conn struct{ addr string }

type Client struct {
	mu   sync.Mutex
	conn *Conn
}

func (c *Client) get() *Conn {
	if c.conn == nil { // unsynchronised read
		c.mu.Lock()
		if c.conn == nil {
			c.conn = &Conn{addr: "db:5432"}
		}
		c.mu.Unlock()
	}
	return c.conn
}

// Both asks for the connection from two goroutines.
func Both() bool {
	var c Client
	got := make(chan *Conn, 2)
	for range 2 {
		go func() { got <- c.get() }()
	}
	return <-got == <-got
}
