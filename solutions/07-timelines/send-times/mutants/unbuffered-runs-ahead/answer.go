// Mutant: believes an unbuffered send completes when the value is put on
// the channel, so the producer runs ahead as if the channel had a buffer.
package sendtimes

import "time"

// Times is a timeline of Pipeline: when each event happens, counted from
// the moment Pipeline is called.
type Times struct {
	Sent     [4]time.Duration // Sent[i]: when the send of value i+1 completes ("sent i+1")
	Got      [4]time.Duration // Got[i]: when the consumer receives value i+1 ("got i+1")
	Finished time.Duration    // when the consumer has finished all its work
}

// Unbuffered is your prediction for Pipeline(0, log).
//
// Each send completes together with the receive that takes it. The consumer
// is at its receive at 0s, 2s, 4s and 6s; the producer is ready at 0s, 1s,
// 3s and 5s, so it always waits for the consumer, and then spends a second
// making the next value.
var Unbuffered = Times{
	Sent:     [4]time.Duration{0, 1 * time.Second, 2 * time.Second, 3 * time.Second},
	Got:      [4]time.Duration{0, 2 * time.Second, 4 * time.Second, 6 * time.Second},
	Finished: 8 * time.Second,
}

// Buffered is your prediction for Pipeline(2, log): a buffer of two.
//
// The producer never waits: at 1s, 2s and 3s there is room for its value.
// The consumer gets a value every two seconds, as before, because it is the
// slow one: the buffer frees the producer, it does not speed up the work.
var Buffered = Times{
	Sent:     [4]time.Duration{0, 1 * time.Second, 2 * time.Second, 3 * time.Second},
	Got:      [4]time.Duration{0, 2 * time.Second, 4 * time.Second, 6 * time.Second},
	Finished: 8 * time.Second,
}
