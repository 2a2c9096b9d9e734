// Package barrier is about parking goroutines until all of them have
// arrived, and waking them all at once.
package barrier

// A Barrier lets n goroutines wait for each other: each calls Await, and
// none returns from it until all n have called it. Then all n return, and
// the barrier is ready for the next round, with the same n goroutines.
//
// A goroutine waiting in Await must be parked (on a channel, say), not
// spinning: parked goroutines cost nothing while the others arrive.
type Barrier struct {
	n int
	// TODO: what the barrier needs to know: how many have arrived in this
	// round, and something the waiting goroutines park on.
}

// New returns a barrier for n goroutines (n >= 1).
func New(n int) *Barrier {
	return &Barrier{n: n}
}

// Await parks the calling goroutine until n goroutines have called Await
// in the current round; the n-th caller wakes the others and the next
// round starts.
func (b *Barrier) Await() {
	// TODO
}
