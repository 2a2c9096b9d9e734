// Package transfer is about two goroutines that each hold what the other
// waits for.
package transfer

// An Account has a balance and a lock. The lock is a channel with room for
// one token: Lock puts the token in, and parks while another goroutine's
// token is there; Unlock takes it out. Do not change this file.
type Account struct {
	ID      int
	Balance int
	lock    chan struct{}
}

// NewAccount returns an unlocked account.
func NewAccount(id, balance int) *Account {
	return &Account{ID: id, Balance: balance, lock: make(chan struct{}, 1)}
}

// Lock parks the calling goroutine until it holds the account.
func (a *Account) Lock() { a.lock <- struct{}{} }

// Unlock releases the account.
func (a *Account) Unlock() { <-a.lock }
