// Mutant: never blocks, but reports every event as accepted, the dropped
// ones too.
package trysend

// Offer tries to hand e to q and reports whether it did.
func Offer(q chan<- string, e string) bool {
	select {
	case q <- e:
	default:
	}
	return true
}
