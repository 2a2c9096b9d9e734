// Mutant: believes the kettle's send waits until the tea is ready, so it logs
// "kettle off" at 5s. An unbuffered send completes when the receive takes
// the value (at 3s), not when the receiver has finished with it.
package breakfast

import "time"

// Timeline is your prediction: every event that Breakfast logs, in the
// order they are logged, each with the time at which it is logged.
//
// Two events may be logged at the same moment; list them in the order the
// program guarantees. Predict with pen and paper (or in your head) before
// you run anything: the point is to see the timeline without a computer.
var Timeline = []Event{
	// The tea goroutine is ready first, then parks on <-water.
	{At: 1 * time.Second, What: "cup ready"},
	{At: 3 * time.Second, What: "kettle boiled"},
	{At: 4 * time.Second, What: "toast ready"},
	{At: 5 * time.Second, What: "tea ready"},
	{At: 5 * time.Second, What: "kettle off"},
	// wg.Wait returns when the tea goroutine, the last one, is done.
	{At: 5 * time.Second, What: "breakfast served"},
}
