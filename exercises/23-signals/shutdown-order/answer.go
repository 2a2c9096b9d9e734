package shutdownorder

import "time"

// Timeline is your prediction: every event that Program logs when SIGTERM
// arrives at 2.5s, in the order they are logged, each with its time.
//
// A signal's String is what the runtime calls it: syscall.SIGTERM prints
// as "terminated", os.Interrupt as "interrupt". Two events may be logged
// at the same moment: list them in the order the program guarantees.
var Timeline = []Event{
	// TODO: replace these with your prediction, one line per event.
	{At: 0, What: "job 1 queued"},
	{At: 2500 * time.Millisecond, What: "got terminated"},
	{At: 2500 * time.Millisecond, What: "bye"},
}
