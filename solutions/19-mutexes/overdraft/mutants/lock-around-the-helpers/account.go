// Mutant: holds the lock for the whole of Withdraw, but still calls Balance
// and take, which lock it again. A sync.Mutex is not reentrant: the
// goroutine waits for itself, forever.
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

// Withdraw takes amount from the account if the balance covers it.
func (a *Account) Withdraw(amount int) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
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
