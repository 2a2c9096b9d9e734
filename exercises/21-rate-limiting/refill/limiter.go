// Package refill is about a rate limiter that needs no goroutine: it works
// out how many tokens it has from the clock, when it is asked.
package refill

import (
	"sync"
	"time"
)

// A Limiter is a token bucket without a goroutine. It holds up to burst
// tokens and starts full. One token is added every interval, counted from
// the moment NewLimiter is called (at interval, 2*interval, ...), as if a
// ticker added them; a token that finds the bucket full is lost. Allow
// takes a token if there is one.
type Limiter struct {
	mu       sync.Mutex
	burst    int
	interval time.Duration
	tokens   int       // tokens in the bucket, as of last
	last     time.Time // the moment tokens was brought up to date
}

// NewLimiter returns a full Limiter.
func NewLimiter(burst int, interval time.Duration) *Limiter {
	return &Limiter{burst: burst, interval: interval, tokens: burst, last: time.Now()}
}

// Allow reports whether a request may go through now, and if so takes a
// token for it. It never waits. Many goroutines may call it at once.
func (l *Limiter) Allow() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	// TODO: bring tokens up to date first: how many whole intervals have
	// passed since last? Add that many tokens (the bucket never holds more
	// than burst), and move last forward by exactly that many intervals,
	// so that the part of an interval that has passed is not lost.
	if l.tokens == 0 {
		return false
	}
	l.tokens--
	return true
}
