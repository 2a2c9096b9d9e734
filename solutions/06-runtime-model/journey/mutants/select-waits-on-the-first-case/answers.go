// Mutant: believes a goroutine parked in a select waits on its first case
// only; it is queued on the channel of every case at once.
package journey

// After holds your prediction: After[i] is where the worker is once
// Steps[i] is done and everything has settled.
var After = []Where{
	// Parked in a select: one sudog on each channel of the select.
	{Reason: "select", Queues: []string{"jobs.recvq"}},
	// Woken by the send, which handed it the job; asleep on a timer now.
	{Reason: "sleep"},
	// At 1s it sent 9 into the empty buffer without waiting: back in select.
	{Reason: "select", Queues: []string{"jobs.recvq", "quit.recvq"}},
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
