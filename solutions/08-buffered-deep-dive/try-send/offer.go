// Package trysend is about sending without ever blocking, and about what
// len and cap can and cannot tell you.
package trysend

// Offer tries to hand e to q and reports whether it did. It must never
// block: when q cannot take e right now, Offer drops e and returns false.
//
// q can take e right now when a receiver is parked on it (it takes the
// value directly) or when its buffer has room. Many goroutines call Offer
// on the same q at once.
func Offer(q chan<- string, e string) bool {
	// The channel decides, under its own lock, in one step: the send
	// happens if it can complete now, and default is taken otherwise.
	select {
	case q <- e:
		return true
	default:
		return false
	}
}
