package mergedtimeline

import "time"

// Your prediction of Run's timeline. Times are from the start of Run:
// write them as 1500 * time.Millisecond, 3 * time.Second, and so on.
var Prediction = Timeline{
	// Each value the consumer receives and when, then {"closed", when the
	// consumer's range loop ends}.
	Consumer: []Event{
		{"a1", 1 * time.Second}, // straight through: everyone was waiting
		{"a2", 3 * time.Second}, // waited in out's sendq since 2s
		{"b1", 5 * time.Second}, // waited in out's sendq since 2.5s, behind a2
		{"closed", 7 * time.Second},
	},
	ProducerADone: 2 * time.Second,         // its forwarder took a2 at 2s
	ProducerBDone: 2500 * time.Millisecond, // its forwarder took b1 at 2.5s
	OutClosed:     5 * time.Second,         // when the last forwarder handed over b1
}
