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
// Work it out on paper first, one goroutine per column, before you run
// anything: the point is to see the timeline without a computer.
var Unbuffered = Times{
	// TODO: replace with your prediction.
	Sent:     [4]time.Duration{0, 0, 0, 0},
	Got:      [4]time.Duration{0, 0, 0, 0},
	Finished: 0,
}

// Buffered is your prediction for Pipeline(2, log): a buffer of two.
var Buffered = Times{
	// TODO: replace with your prediction.
	Sent:     [4]time.Duration{0, 0, 0, 0},
	Got:      [4]time.Duration{0, 0, 0, 0},
	Finished: 0,
}
