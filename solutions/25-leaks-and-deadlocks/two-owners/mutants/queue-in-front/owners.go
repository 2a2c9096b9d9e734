// Mutant: puts a queue (a buffer) in front of each owner. The question now
// gets into the peer's queue, but its answer needs the peer's loop, which
// is waiting for an answer of its own: still a cycle.

// Package twoowners is two stateful goroutines that ask each other
// questions, and sometimes wait for each other for ever.
package twoowners

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
	x := &Owner{reqs: make(chan request, 4), done: make(chan struct{}), value: a}
	y := &Owner{reqs: make(chan request, 4), done: make(chan struct{}), value: b}
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
			r.reply <- o.value + o.peer.Value()
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
