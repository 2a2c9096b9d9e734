// Mutant: believes the merged channel closes as soon as both inputs are
// closed, and that the consumer notices at once.
package mergedtimeline

import "time"

var Prediction = Timeline{
	Consumer: []Event{
		{"a1", 1 * time.Second},
		{"a2", 3 * time.Second},
		{"b1", 5 * time.Second},
		{"closed", 5 * time.Second},
	},
	ProducerADone: 2 * time.Second,
	ProducerBDone: 2500 * time.Millisecond,
	OutClosed:     2500 * time.Millisecond,
}
