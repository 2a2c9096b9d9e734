// Mutant: believes sendx and recvx go back to 0 whenever the buffer fills
// up; they only wrap at the end of the buffer.
package hchanstate

// Your prediction of the channel after the whole Script has run, in the
// words of runtime/chan.go. Slots of the buffer are numbered 0, 1, 2.
//
//	step          buf          qcount sendx recvx sendq
//	send a        [a _ _]      1      1     0     []
//	send b        [a b _]      2      2     0     []
//	recv -> a     [_ b _]      1      2     1     []
//	send c        [_ b c]      2      0     1     []
//	send d        [d b c]      3      1     1     []
//	go send e     [d b c]      3      1     1     [e]
//	go send f     [d b c]      3      1     1     [e f]
//	recv -> b     [d e c]      3      2     2     [f]
//	go send g     [d e c]      3      2     2     [f g]

// Received lists the values that the two Recv steps got, in order.
var Received = []string{"a", "b"}

// Qcount is hchan.qcount: how many values are in the buffer.
var Qcount = 3

// Buffer lists the values in the buffer, oldest first: the order in which
// receives would take them out.
var Buffer = []string{"c", "d", "e"}

// Sendx is hchan.sendx: the slot that the next value put into the buffer
// goes to.
var Sendx = 0

// Recvx is hchan.recvx: the slot that the next receive takes a value from.
var Recvx = 0

// SendQ lists the values of the goroutines parked in hchan.sendq, first
// to last.
var SendQ = []string{"f", "g"}
