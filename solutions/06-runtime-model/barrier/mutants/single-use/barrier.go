// Mutant: works for one round only: the closed channel is never replaced,
// so from the second round on Await does not wait at all.
// Package barrier is about parking goroutines until all of them have
// arrived, and waking them all at once.
package barrier

import "sync"

// A Barrier lets n goroutines wait for each other: each calls Await, and
// none returns from it until all n have called it. Then all n return, and
// the barrier is ready for the next round, with the same n goroutines.
//
// A goroutine waiting in Await must be parked (on a channel, say), not
// spinning: parked goroutines cost nothing while the others arrive.
type Barrier struct {
	n int

	mu      sync.Mutex
	arrived int           // arrivals in the current round
	round   chan struct{} // closed when the current round is complete
}

// New returns a barrier for n goroutines (n >= 1).
func New(n int) *Barrier {
	return &Barrier{n: n, round: make(chan struct{})}
}

// Await parks the calling goroutine until n goroutines have called Await
// in the current round; the n-th caller wakes the others and the next
// round starts.
func (b *Barrier) Await() {
	b.mu.Lock()
	round := b.round // this goroutine's round, whatever b.round becomes
	b.arrived++
	if b.arrived == b.n {
		close(round) // wakes every goroutine parked on this round
		b.mu.Unlock()
		return
	}
	b.mu.Unlock()
	<-round // parks until the last arrival closes it
}
