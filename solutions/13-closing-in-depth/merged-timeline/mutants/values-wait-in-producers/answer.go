// Mutant: believes each producer stays blocked until the consumer itself
// takes its value, forgetting the forwarders in between.
package mergedtimeline

import "time"

var Prediction = Timeline{
	Consumer: []Event{
		{"a1", 1 * time.Second},
		{"a2", 3 * time.Second},
		{"b1", 5 * time.Second},
		{"closed", 7 * time.Second},
	},
	ProducerADone: 3 * time.Second,
	ProducerBDone: 5 * time.Second,
	OutClosed:     5 * time.Second,
}
