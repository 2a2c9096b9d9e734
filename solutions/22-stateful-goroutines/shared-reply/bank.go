// Package sharedreply is an account owned by one goroutine. It works,
// except that now and then a customer is told somebody else's answer.
package sharedreply

// An Account holds a balance that one goroutine, the owner, keeps. Its
// methods may be called from any number of goroutines at once.
type Account struct {
	requests chan request
	done     chan struct{}
}

// A request carries the channel its answer goes back on: the answer can
// only reach the goroutine that asked.
type request struct {
	amount int
	reply  chan bool
}

// Open returns an account holding balance, with its owner running.
func Open(balance int) *Account {
	a := &Account{
		// A queue in front of the owner, so that customers do not wait
		// for it to pick up their request.
		requests: make(chan request, 8),
		done:     make(chan struct{}),
	}
	go func() {
		defer close(a.done)
		for r := range a.requests {
			ok := r.amount <= balance
			if ok {
				balance -= r.amount
			}
			r.reply <- ok // room for one: never waits for the customer
		}
	}()
	return a
}

// Withdraw takes amount out of the account if the balance covers it, and
// reports whether it did. Whatever other goroutines withdraw at the same
// time, the answer is about THIS call's request.
func (a *Account) Withdraw(amount int) bool {
	reply := make(chan bool, 1)
	a.requests <- request{amount, reply}
	return <-reply
}

// Close stops the owner once it has answered every request, and waits for
// it. No method may be called after Close.
func (a *Account) Close() {
	close(a.requests)
	<-a.done
}
