// Mutant: a read lock for the check and a write lock for the take. Each
// access is protected, but the gap between them is still there: two
// readers can both see 100 before either writes.
package overdraft

import "sync"

// An Account is a balance that several goroutines use at once.
type Account struct {
	mu      sync.RWMutex
	balance int
}

// NewAccount returns an account holding balance.
func NewAccount(balance int) *Account {
	return &Account{balance: balance}
}

// Balance returns the current balance.
func (a *Account) Balance() int {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.balance
}

// Deposit adds amount to the balance.
func (a *Account) Deposit(amount int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += amount
}

// Withdraw takes amount from the account if the balance covers it.
func (a *Account) Withdraw(amount int) bool {
	a.mu.RLock()
	enough := a.balance >= amount
	a.mu.RUnlock()
	if !enough {
		return false
	}
	a.mu.Lock()
	a.balance -= amount
	a.mu.Unlock()
	return true
}
