package mergedtimeline

import "time"

// Your prediction of Run's timeline. Times are from the start of Run:
// write them as 1500 * time.Millisecond, 3 * time.Second, and so on.
//
// TODO: fill in every value.
var Prediction = Timeline{
	// Each value the consumer receives and when, then {"closed", when the
	// consumer's range loop ends}.
	Consumer: []Event{
		{"TODO", 0},
	},
	ProducerADone: -1, // when producer a's goroutine returns
	ProducerBDone: -1, // when producer b's goroutine returns
	OutClosed:     -1, // when the merge's closer closes out
}

var _ = time.Second
