// Mutant: keeps the shared reply channel and puts a mutex around sending
// the request. The lock is released before the answer is awaited, so two
// customers can still both be parked on the replies channel, in the wrong
// order.

// Package sharedreply is an account owned by one goroutine.
package sharedreply

import "sync"

// An Account holds a balance that one goroutine, the owner, keeps.
type Account struct {
	mu       sync.Mutex
	requests chan request
	replies  chan bool
	done     chan struct{}
}

type request struct {
	amount int
}

// Open returns an account holding balance, with its owner running.
func Open(balance int) *Account {
	a := &Account{
		requests: make(chan request, 8),
		replies:  make(chan bool),
		done:     make(chan struct{}),
	}
	go func() {
		defer close(a.done)
		for r := range a.requests {
			ok := r.amount <= balance
			if ok {
				balance -= r.amount
			}
			a.replies <- ok
		}
	}()
	return a
}

// Withdraw takes amount out of the account if the balance covers it.
func (a *Account) Withdraw(amount int) bool {
	a.mu.Lock()
	a.requests <- request{amount}
	a.mu.Unlock()
	return <-a.replies
}

// Close stops the owner and waits for it.
func (a *Account) Close() {
	close(a.requests)
	<-a.done
}
