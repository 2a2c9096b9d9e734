// Mutant: keeps the one replies channel that every customer shares, and
// gives it a buffer "so the owner never waits". A reply still goes to
// whichever customer receives first, not to the one who asked.
// Package sharedreply is an account owned by one goroutine. It works,
// except that now and then a customer is told somebody else's answer.
package sharedreply

// An Account holds a balance that one goroutine, the owner, keeps. Its
// methods may be called from any number of goroutines at once.
type Account struct {
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
		// A queue in front of the owner, so that customers do not wait
		// for it to pick up their request.
		requests: make(chan request, 8),
		replies:  make(chan bool, 8),
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

// Withdraw takes amount out of the account if the balance covers it, and
// reports whether it did. Whatever other goroutines withdraw at the same
// time, the answer is about THIS call's request.
//
// The tests find a schedule on which two customers get each other's
// answers. Read the simulator's timeline: who is parked on a.replies, in
// which order, when the owner sends?
func (a *Account) Withdraw(amount int) bool {
	// TODO: every customer waits for its answer on the same channel, and
	// the first one waiting gets the next answer, whoever it was for.
	a.requests <- request{amount}
	return <-a.replies
}

// Close stops the owner once it has answered every request, and waits for
// it. No method may be called after Close.
func (a *Account) Close() {
	close(a.requests)
	<-a.done
}
