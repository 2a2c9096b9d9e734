package drain

// Your predictions for the programs in programs.go.
var (
	// Buffered: len(ch) just after close(ch), then the four receives.
	BufferedLen   = 2 // close leaves "b" and "c" in the buffer
	BufferedRecvs = []Recv{{"b", true}, {"c", true}, {"", false}, {"", false}}

	// ParkedReceivers: what each of the two parked receivers gets.
	ParkedReceiversGet = Recv{"", false}

	// ParkedSender: the parked sender's panic message ("" if it does not
	// panic), then the two receives after the close.
	ParkedSenderPanic = "send on closed channel"
	ParkedSenderRecvs = []Recv{{"first", true}, {"", false}}
)
