package stalled

// Your prediction of the pipeline's state once nothing can move any more.

// Got is the value the sink took.
const Got = 0 // TODO

// NumbersBuffer is what Numbers holds, in the order it will come out:
// its length is qcount.
var NumbersBuffer = []int{} // TODO

// SquaresBuffer is what Squares holds, in the order it will come out.
var SquaresBuffer = []int{} // TODO

// ParkedSending names every stage that is parked on a send (in a channel's
// sendq), with the value it is trying to send: "gen" or "square". A stage
// that is not parked is not listed.
var ParkedSending = map[string]int{} // TODO

// ParkedReceiving names every stage parked on a receive (in a channel's
// recvq): "square" or "sink". The sink has finished: it is not parked.
var ParkedReceiving = []string{} // TODO
