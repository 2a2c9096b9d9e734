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
	// The kettle sends at 3s; the tea goroutine has been waiting since 1s,
	// so the send completes at once and the kettle logs again at 3s.
	{At: 3 * time.Second, What: "kettle boiled"},
	{At: 3 * time.Second, What: "kettle off"},
	{At: 4 * time.Second, What: "toast ready"},
	// The tea received the water at 3s and steeped for 2s.
	{At: 5 * time.Second, What: "tea ready"},
	// wg.Wait returns when the tea goroutine, the last one, is done.
	{At: 5 * time.Second, What: "breakfast served"},
}
