// Mutant: breaks the cycle with a timeout: an owner asks its peer, and if
// the peer does not take the question within 100ms, it answers with its
// own value alone. No deadlock, and a wrong sum.
// Package twoowners is two stateful goroutines that ask each other
// questions, and sometimes wait for each other for ever.
package twoowners

import "time"

// An Owner is a goroutine that owns a value. Anybody may ask it for its
// value, or for the sum of its value and its peer's.
type Owner struct {
	peer  *Owner
	reqs  chan request
	done  chan struct{}
	value int // belongs to the owner's goroutine
}

type kind int

const (
	valueOf kind = iota // "what is your value?"
	sumOf               // "what is your value plus your peer's?"
)

type request struct {
	kind  kind
	reply chan int
}

// Pair starts two owners, holding a and b, each the peer of the other.
func Pair(a, b int) (*Owner, *Owner) {
	x := &Owner{reqs: make(chan request), done: make(chan struct{}), value: a}
	y := &Owner{reqs: make(chan request), done: make(chan struct{}), value: b}
	x.peer, y.peer = y, x
	go x.own()
	go y.own()
	return x, y
}

// own serves requests, one at a time, until Stop.
func (o *Owner) own() {
	defer close(o.done)
	for r := range o.reqs {
		switch r.kind {
		case valueOf:
			r.reply <- o.value
		case sumOf:
			// The owner reads its own value now and goes back to its
			// loop at once; a goroutine of its own waits for the peer.
			// So an owner is never parked on its peer, and no cycle of
			// waits can form.
			reply := make(chan int, 1)
			select {
			case o.peer.reqs <- request{valueOf, reply}:
				r.reply <- o.value + <-reply
			case <-time.After(100 * time.Millisecond): // "the peer is busy"
				r.reply <- o.value
			}
		}
	}
}

func (o *Owner) ask(k kind) int {
	reply := make(chan int, 1)
	o.reqs <- request{k, reply}
	return <-reply
}

// Value returns the owner's value.
func (o *Owner) Value() int { return o.ask(valueOf) }

// Sum returns the owner's value plus its peer's value.
func (o *Owner) Sum() int { return o.ask(sumOf) }

// Stop stops the owner once it has answered what it was asked, and waits
// for it. Stop both owners of a pair, when nobody asks them anything any
// more.
func (o *Owner) Stop() {
	close(o.reqs)
	<-o.done
}
