// Mutant: believes that close(jobs) throws away the job still waiting in
// the buffer, so the worker stops after job 3. A receive from a closed
// channel still gets every value that was sent before the close.

package shutdownorder

import "time"

// Timeline is your prediction: every event that Program logs when SIGTERM
// arrives at 2.5s, in the order they are logged, each with its time.
//
// A signal's String is what the runtime calls it: syscall.SIGTERM prints
// as "terminated", os.Interrupt as "interrupt". Two events may be logged
// at the same moment: list them in the order the program guarantees.
var Timeline = []Event{
	{At: 0, What: "job 1 queued"},
	{At: 0, What: "job 2 queued"},
	{At: 1 * time.Second, What: "job 1 done"},
	{At: 1 * time.Second, What: "job 3 queued"},
	{At: 2 * time.Second, What: "job 2 done"},
	{At: 2 * time.Second, What: "job 4 queued"},
	{At: 2500 * time.Millisecond, What: "got terminated"},
	{At: 3 * time.Second, What: "job 3 done"},
	{At: 3 * time.Second, What: "worker stopped"},
	{At: 3 * time.Second, What: "bye"},
}
