// Mutant: orders the locks, but first looks at from's balance without any
// lock, "so as not to lock for a transfer that cannot happen": that read
// races with the writes of every other transfer from or to the account.
// Package transfer moves money between accounts, each with a lock of its
// own, and deadlocks now and then.
package transfer

import (
	"errors"
	"sync"
)

// ErrInsufficient is returned when the source account does not hold the
// amount.
var ErrInsufficient = errors.New("insufficient funds")

// An Account has a unique ID and a balance guarded by its mutex.
type Account struct {
	ID int

	mu      sync.Mutex
	balance int
}

// NewAccount returns an account with the given ID and balance.
func NewAccount(id, balance int) *Account {
	return &Account{ID: id, balance: balance}
}

// Balance returns the current balance.
func (a *Account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

// Transfer moves amount from one account to another, holding both locks so
// that nobody sees the money in neither account or in both. It may be called
// from any number of goroutines at once, with any two accounts, in either
// direction, and with from == to (which changes nothing).
func Transfer(from, to *Account, amount int) error {
	if from == to {
		// One account, one lock: a sync.Mutex cannot be locked twice.
		from.mu.Lock()
		defer from.mu.Unlock()
		if from.balance < amount {
			return ErrInsufficient
		}
		return nil
	}
	// Every transfer takes the two locks in the same order, smaller ID
	// first, whichever way the money goes: no cycle of waits can form.
	if from.balance < amount { // "no need to lock for a transfer that cannot happen"
		return ErrInsufficient
	}
	first, second := from, to
	if second.ID < first.ID {
		first, second = second, first
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	if from.balance < amount {
		return ErrInsufficient
	}
	from.balance -= amount
	to.balance += amount
	return nil
}
