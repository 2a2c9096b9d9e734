package hchanstate

// Your prediction of the channel after the whole Script has run, in the
// words of runtime/chan.go. Slots of the buffer are numbered 0, 1, 2.

// Received lists the values that the two Recv steps got, in order.
var Received = []string{} // TODO

// Qcount is hchan.qcount: how many values are in the buffer.
var Qcount = 0 // TODO

// Buffer lists the values in the buffer, oldest first: the order in which
// receives would take them out.
var Buffer = []string{} // TODO

// Sendx is hchan.sendx: the slot that the next value put into the buffer
// goes to.
var Sendx = 0 // TODO

// Recvx is hchan.recvx: the slot that the next receive takes a value from.
var Recvx = 0 // TODO

// SendQ lists the values of the goroutines parked in hchan.sendq, first
// to last.
var SendQ = []string{} // TODO
