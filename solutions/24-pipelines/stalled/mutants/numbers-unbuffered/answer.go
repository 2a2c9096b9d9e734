// Mutant: forgets that Numbers has room for two, as if it were unbuffered:
// nothing waits in its buffer, and gen is parked with 4.
package stalled

// Your prediction of the pipeline's state once nothing can move any more.

// Got is the value the sink took: the first square, 1*1.
const Got = 1

// NumbersBuffer is what Numbers holds, in the order it will come out:
// its length is qcount. square took 1, 2 and 3 before it got stuck, so gen
// could put 4 and 5 in; 6 waits with gen.
var NumbersBuffer = []int{}

// SquaresBuffer is what Squares holds, in the order it will come out. The
// sink took 1; 4 went into the buffer; 9 has no room.
var SquaresBuffer = []int{4}

// ParkedSending names every stage that is parked on a send (in a channel's
// sendq), with the value it is trying to send: "gen" or "square". A stage
// that is not parked is not listed.
var ParkedSending = map[string]int{"gen": 4, "square": 9}

// ParkedReceiving names every stage parked on a receive (in a channel's
// recvq): "square" or "sink". The sink has finished: it is not parked.
var ParkedReceiving = []string{}
