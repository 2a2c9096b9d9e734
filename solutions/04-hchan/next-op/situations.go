// Package nextop asks you to read a channel's hchan fields and say what
// the next operation on it will do.
//
// Each Situation below is a channel in a given state, written as its
// hchan fields, and one operation about to run on it. Say, in answers.go,
// what the runtime does. Do not change this file: the tests build every
// channel in exactly that state (and check that it is), run the
// operation for real, and look at what happened.
//
// Work from the fields alone, with the lesson's "A send, case by case" and
// "A receive, case by case" beside you.
package nextop

// A State is an hchan as the lesson draws it. SendQ and RecvQ are how many
// goroutines are parked sending and receiving.
type State struct {
	DataqSiz, QCount, SendX, RecvX int
	SendQ, RecvQ                   int
	Closed                         bool
}

// An Op is the operation about to run, in a goroutine of its own.
type Op string

const (
	Send  Op = "send"    // ch <- v
	Recv  Op = "receive" // <-ch
	Close Op = "close"   // close(ch)
)

// A Situation is a state and the operation that comes next.
type Situation struct {
	Name  string
	State State
	Op    Op
}

// Situations are the cases to predict.
var Situations = []Situation{
	{"a", State{DataqSiz: 0, RecvQ: 1}, Send},
	{"b", State{DataqSiz: 0}, Send},
	{"c", State{DataqSiz: 3, QCount: 1, SendX: 2, RecvX: 1}, Send},
	{"d", State{DataqSiz: 2, QCount: 2, SendX: 1, RecvX: 1}, Send},
	{"e", State{DataqSiz: 2, QCount: 0, SendX: 1, RecvX: 1, RecvQ: 1}, Send},
	{"f", State{DataqSiz: 2, QCount: 2, SendX: 0, RecvX: 0, SendQ: 1}, Recv},
	{"g", State{DataqSiz: 0, SendQ: 1}, Recv},
	{"h", State{DataqSiz: 3, QCount: 0, SendX: 2, RecvX: 2, Closed: true}, Recv},
	{"i", State{DataqSiz: 3, QCount: 2, SendX: 1, RecvX: 2, Closed: true}, Recv},
	{"j", State{DataqSiz: 1, QCount: 1, SendX: 0, RecvX: 0, Closed: true}, Send},
	{"k", State{DataqSiz: 0, RecvQ: 2}, Close},
	{"l", State{DataqSiz: 2, QCount: 0, SendX: 1, RecvX: 1}, Recv},
}

// An Outcome is what the operation does.
type Outcome string

const (
	Buffers         Outcome = "buffers"           // a send puts its value in the buffer and goes on
	HandsOver       Outcome = "hands over"        // the value goes directly between this goroutine and a parked one, which is woken
	TakesFromBuffer Outcome = "takes from buffer" // a receive takes the oldest buffered value and goes on
	TakesAndRefills Outcome = "takes and refills" // a receive takes the oldest value; a parked sender's value moves into the buffer, and the sender is woken
	ZeroValue       Outcome = "zero value"        // a receive returns the zero value, ok false, at once
	Parks           Outcome = "parks"             // the goroutine parks in sendq or recvq
	Panics          Outcome = "panics"            // a run-time panic
	WakesAll        Outcome = "wakes all"         // close wakes every parked goroutine
)
