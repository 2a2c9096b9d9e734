// Mutant: believes main says bye as soon as it has closed jobs, as if
// wg.Wait did not wait for the worker to finish the jobs still queued.
package shutdownorder

import "time"

// Timeline is your prediction: every event that Program logs when SIGTERM
// arrives at 2.5s, in the order they are logged, each with its time.
//
// A signal's String is what the runtime calls it: syscall.SIGTERM prints
// as "terminated", os.Interrupt as "interrupt". Two events may be logged
// at the same moment: list them in the order the program guarantees.
var Timeline = []Event{
	// The worker takes job 1 at once; job 2 waits in the buffer; the send
	// of job 3 waits for room.
	{At: 0, What: "job 1 queued"},
	{At: 0, What: "job 2 queued"},
	// The worker logs before it comes back for job 2, and only its receive
	// makes room for job 3.
	{At: 1 * time.Second, What: "job 1 done"},
	{At: 1 * time.Second, What: "job 3 queued"},
	{At: 2 * time.Second, What: "job 2 done"},
	{At: 2 * time.Second, What: "job 4 queued"},
	// The buffer is full (job 4), so only the signal's case can proceed.
	{At: 2500 * time.Millisecond, What: "got terminated"},
	{At: 2500 * time.Millisecond, What: "bye"},
	// close does not empty the buffer: the worker finishes job 3, then
	// receives job 4, and only then does range see closed and empty.
	{At: 3 * time.Second, What: "job 3 done"},
	{At: 4 * time.Second, What: "job 4 done"},
	{At: 4 * time.Second, What: "worker stopped"},
}
