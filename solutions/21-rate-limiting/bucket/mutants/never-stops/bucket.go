// Mutant: the refill sends a token at each tick with a plain send, which
// waits while the bucket is full; then it cannot see Stop, and it never
// returns. (Its late tokens would also break the burst limit.)
// Package bucket is about a rate limit that allows bursts.
package bucket

import "time"

// A Bucket holds up to burst tokens. It starts full, and gains one token
// every interval, never holding more than burst. Wait takes a token, and
// waits for one when the bucket is empty. So a Bucket lets burst requests
// through at once after a quiet time, and one per interval after that.
type Bucket struct {
	tokens chan struct{} // the tokens: len is how many there are, cap is burst
	stop   chan struct{} // closed by Stop
	done   chan struct{} // closed by the refill goroutine when it returns
}

// NewBucket returns a full Bucket and starts refilling it.
func NewBucket(burst int, interval time.Duration) *Bucket {
	b := &Bucket{
		tokens: make(chan struct{}, burst),
		stop:   make(chan struct{}),
		done:   make(chan struct{}),
	}
	for range burst {
		b.tokens <- struct{}{} // full: a burst can go through at once
	}
	go b.refill(interval)
	return b
}

func (b *Bucket) refill(interval time.Duration) {
	defer close(b.done)
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-ticker.C:
			b.tokens <- struct{}{} // waits while the bucket is full
		case <-b.stop:
			return
		}
	}
}

// Wait takes a token, waiting for one if the bucket is empty. Many
// goroutines may call Wait at once.
func (b *Bucket) Wait() {
	<-b.tokens
}

// Stop stops the refill: when Stop returns, nothing runs on behalf of the
// bucket any more. Wait must not be called after Stop.
func (b *Bucket) Stop() {
	// Stops the refill, but without waiting: the goroutine may still be
	// running when Stop returns.
	close(b.stop)
}
