package breakfast

import "time"

// Timeline is your prediction: every event that Breakfast logs, in the
// order they are logged, each with the time at which it is logged.
//
// Two events may be logged at the same moment; list them in the order the
// program guarantees. Predict with pen and paper (or in your head) before
// you run anything: the point is to see the timeline without a computer.
var Timeline = []Event{
	// TODO: replace these with your prediction, one line per event.
	{At: 0 * time.Second, What: "cup ready"},
}
