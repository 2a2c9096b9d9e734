// Command lazy is a token bucket without a goroutine: it computes how many
// tokens it holds from the clock, each time it is asked.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Limiter struct {
	mu       sync.Mutex
	burst    int
	interval time.Duration
	tokens   int
	last     time.Time // tokens is up to date as of last
}

func NewLimiter(burst int, interval time.Duration) *Limiter {
	return &Limiter{burst: burst, interval: interval, tokens: burst, last: time.Now()}
}

func (l *Limiter) Allow() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := int(time.Since(l.last) / l.interval); n > 0 {
		l.tokens = min(l.burst, l.tokens+n)
		l.last = l.last.Add(time.Duration(n) * l.interval) // keep the part of an interval that has passed
	}
	if l.tokens == 0 {
		return false
	}
	l.tokens--
	return true
}

func main() {
	l := NewLimiter(2, 200*time.Millisecond)
	for _, wait := range []time.Duration{0, 0, 0, 150, 50, 100, 600} {
		time.Sleep(wait * time.Millisecond)
		fmt.Println("after", wait*time.Millisecond, "allowed:", l.Allow())
	}
}
