// Mutant: believes that the first ready case written always wins.
package whichcase

// Your predictions. For each select in selects.go, list the labels it can
// return: one label when only one outcome is possible, every possible one
// when more than one can happen. Example: []string{"a"}, or
// []string{"a", "b"} if either can run. Order does not matter.
var (
	OneReadyRuns       = []string{"a"}            // b never receives anything
	BothReadyRuns      = []string{"a"}            // the first case written wins (wrong)
	FullBufferRuns     = []string{"default"}      // no room, no receiver
	NoReceiverRuns     = []string{"default"}      // unbuffered and nobody waiting
	ParkedReceiverRuns = []string{"send"}         // a receiver is parked: the send is ready
	QuitOrWorkRuns     = []string{"quit", "work"} // closed gets no priority
	NilCaseRuns        = []string{"out"}          // a nil channel is never ready
	TimeoutRuns        = []string{"timeout"}      // only the timer ever delivers
	ClosedZeroRuns     = []string{"zero, closed"} // drained and closed: 0, false at once
)
