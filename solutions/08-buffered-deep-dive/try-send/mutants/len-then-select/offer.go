// Mutant: never blocks, but still asks len first, so it refuses an
// unbuffered channel whose receiver is waiting.
package trysend

// Offer tries to hand e to q and reports whether it did.
func Offer(q chan<- string, e string) bool {
	if len(q) == cap(q) {
		return false // "no room"
	}
	select {
	case q <- e:
		return true
	default:
		return false
	}
}
