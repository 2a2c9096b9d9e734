// Mutant: takes whichever lock is free first, with a select, then the
// other. Two crossing transfers can still each take one lock and wait for
// the other: the cycle is still possible.
package transfer

// Transfer moves amount from one account to another.
func Transfer(from, to *Account, amount int) {
	select {
	case from.lock <- struct{}{}:
		to.Lock()
	case to.lock <- struct{}{}:
		from.Lock()
	}
	defer from.Unlock()
	defer to.Unlock()

	from.Balance -= amount
	to.Balance += amount
}
