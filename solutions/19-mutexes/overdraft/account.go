// Package overdraft is about a check and an action that must happen in one
// critical section.
package overdraft

import "sync"

// An Account is a balance that several goroutines use at once.
type Account struct {
	mu      sync.Mutex
	balance int
}

// NewAccount returns an account holding balance.
func NewAccount(balance int) *Account {
	return &Account{balance: balance}
}

// Balance returns the current balance.
func (a *Account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

// Deposit adds amount to the balance.
func (a *Account) Deposit(amount int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += amount
}

// Withdraw takes amount from the account if the balance covers it, and
// reports whether it did. The balance must never go below zero, however
// many goroutines withdraw at once.
func (a *Account) Withdraw(amount int) bool {
	// The check and the take are one critical section: no other goroutine
	// can change the balance between them.
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.balance < amount {
		return false
	}
	a.balance -= amount
	return true
}
