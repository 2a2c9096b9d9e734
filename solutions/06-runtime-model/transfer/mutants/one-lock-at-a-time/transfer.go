// Mutant: never holds two locks at once, so it cannot deadlock; but
// between the two halves the money is on neither account, and an auditor
// holding both locks can see 190 instead of 200.
package transfer

// Transfer moves amount from one account to another.
func Transfer(from, to *Account, amount int) {
	from.Lock()
	from.Balance -= amount
	from.Unlock()

	to.Lock()
	to.Balance += amount
	to.Unlock()
}
