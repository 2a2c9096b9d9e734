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
//
// The grader finds a schedule on which two transfers wait for each other
// for ever. Read its timeline: which lock does each goroutine hold, and
// which one does it wait for?
func Transfer(from, to *Account, amount int) error {
	// TODO: two transfers in opposite directions take the same two locks
	// in opposite orders.
	from.mu.Lock()
	defer from.mu.Unlock()
	to.mu.Lock()
	defer to.mu.Unlock()
	if from.balance < amount {
		return ErrInsufficient
	}
	from.balance -= amount
	to.balance += amount
	return nil
}
