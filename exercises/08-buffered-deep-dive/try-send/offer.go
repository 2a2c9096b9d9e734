// Package trysend is about sending without ever blocking, and about what
// len and cap can and cannot tell you.
package trysend

// Offer tries to hand e to q and reports whether it did. It must never
// block: when q cannot take e right now, Offer drops e and returns false.
//
// q can take e right now when a receiver is parked on it (it takes the
// value directly) or when its buffer has room. Many goroutines call Offer
// on the same q at once.
//
// This version looks right and passes a test with one goroutine, but two
// goroutines can both see one free slot, and then the second one blocks.
func Offer(q chan<- string, e string) bool {
	// TODO: between the check and the send, another goroutine can fill
	// the last slot; len(q) is already out of date when you read it. And
	// an unbuffered channel with a receiver waiting has len 0 and cap 0,
	// yet a send would complete at once. Let the channel decide, in one
	// step: a select with a default case.
	if len(q) < cap(q) {
		q <- e
		return true
	}
	return false
}
