package transfer

// Transfer moves amount from one account to another (two different
// accounts), holding both accounts' locks while it does, so that nobody
// ever sees the money on neither account, or on both. Many transfers run
// at the same time, in every direction.
//
// This version works when transfers go one way. When two go opposite ways
// at the same time, on some schedules both goroutines park for good.
func Transfer(from, to *Account, amount int) {
	// TODO: what if another goroutine runs Transfer(to, from, ...) and
	// takes to's lock between these two lines?
	from.Lock()
	defer from.Unlock()
	to.Lock()
	defer to.Unlock()

	from.Balance -= amount
	to.Balance += amount
}
