// Package bucket is about a rate limit that allows bursts.
package bucket

import "time"

// A Bucket holds up to burst tokens. It starts full, and gains one token
// every interval, never holding more than burst. Wait takes a token, and
// waits for one when the bucket is empty. So a Bucket lets burst requests
// through at once after a quiet time, and one per interval after that.
type Bucket struct {
	tokens chan struct{}
	ticker *time.Ticker
}

// NewBucket returns a full Bucket and starts refilling it.
func NewBucket(burst int, interval time.Duration) *Bucket {
	// TODO: a bucket with no room holds no tokens: every Wait waits for the
	// next tick, and there is never a burst. Give the channel room for burst
	// tokens, fill it, and let a goroutine add a token at each tick
	// (without ever waiting when the bucket is full).
	b := &Bucket{tokens: make(chan struct{}), ticker: time.NewTicker(interval)}
	go func() {
		for range b.ticker.C {
			b.tokens <- struct{}{}
		}
	}()
	return b
}

// Wait takes a token, waiting for one if the bucket is empty. Many
// goroutines may call Wait at once.
func (b *Bucket) Wait() {
	<-b.tokens
}

// Stop stops the refill: when Stop returns, nothing runs on behalf of the
// bucket any more. Wait must not be called after Stop.
func (b *Bucket) Stop() {
	// TODO: stopping the ticker does not close its channel: the refill
	// goroutine would wait for a tick forever.
	b.ticker.Stop()
}
