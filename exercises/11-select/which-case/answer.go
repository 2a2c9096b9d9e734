package whichcase

// Your predictions. For each select in selects.go, list the labels it can
// return: one label when only one outcome is possible, every possible one
// when more than one can happen. Example: []string{"a"}, or
// []string{"a", "b"} if either can run. Order does not matter.
//
// TODO: fill in every answer. The tests run each select many times and
// check that everything you list can really happen, and that nothing you
// left out ever does.
var (
	OneReadyRuns       = []string{}
	BothReadyRuns      = []string{}
	FullBufferRuns     = []string{}
	NoReceiverRuns     = []string{}
	ParkedReceiverRuns = []string{}
	QuitOrWorkRuns     = []string{}
	NilCaseRuns        = []string{}
	TimeoutRuns        = []string{}
	ClosedZeroRuns     = []string{}
)
