// Mutant: sets last to now on every call. A call between two ticks throws
// away the part of an interval that had passed, and pushes the next token
// later: a limiter that is asked often never refills.
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
	n := int(time.Since(l.last) / l.interval)
	l.tokens = min(l.burst, l.tokens+n)
	l.last = time.Now() // counts again from now
	if l.tokens == 0 {
		return false
	}
	l.tokens--
	return true
}
