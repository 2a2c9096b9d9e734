package transfer

// Transfer moves amount from one account to another (two different
// accounts), holding both accounts' locks while it does, so that nobody
// ever sees the money on neither account, or on both. Many transfers run
// at the same time, in every direction.
func Transfer(from, to *Account, amount int) {
	// Every transfer takes the locks in the same order, smaller ID first,
	// whatever its direction. No goroutine can then hold a lock that comes
	// later in the order while it waits for an earlier one: no cycle, no
	// deadlock.
	first, second := from, to
	if to.ID < from.ID {
		first, second = to, from
	}
	first.Lock()
	defer first.Unlock()
	second.Lock()
	defer second.Unlock()

	from.Balance -= amount
	to.Balance += amount
}
