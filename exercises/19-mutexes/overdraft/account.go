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
//
// Every access to balance holds the lock, so the race detector has nothing
// to say. Yet two goroutines can both take 60 from 100: the simulator finds
// the schedule every time. Fix Withdraw.
func (a *Account) Withdraw(amount int) bool {
	// TODO: between the check and the take, the lock is free. What can
	// another goroutine do in that gap?
	if a.Balance() < amount {
		return false
	}
	a.take(amount)
	return true
}

func (a *Account) take(amount int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance -= amount
}
