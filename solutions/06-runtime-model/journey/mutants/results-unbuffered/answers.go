// Mutant: misses the capacity of results, as if it were unbuffered: it
// parks the worker on its first send, where the buffer takes the value.
package journey

// After holds your prediction: After[i] is where the worker is once
// Steps[i] is done and everything has settled.
var After = []Where{
	// Parked in a select: one sudog on each channel of the select.
	{Reason: "select", Queues: []string{"jobs.recvq", "quit.recvq"}},
	// Woken by the send, which handed it the job; asleep on a timer now.
	{Reason: "sleep"},
	// WRONG: the buffer takes 9; the worker does not wait.
	{Reason: "chan send", Queues: []string{"results.sendq"}},
	// Woken again, working on 5.
	{Reason: "sleep"},
	// The buffer still holds 9: the send of 25 parks.
	{Reason: "chan send", Queues: []string{"results.sendq"}},
	// main takes 9, 25 moves into the buffer, the worker is readied and
	// runs to its next select.
	{Reason: "select", Queues: []string{"jobs.recvq", "quit.recvq"}},
	// The quit case is ready: Worker returns.
	{Reason: "done"},
}
