package drain

// Your predictions for the programs in programs.go.
//
// TODO: replace every value below. Write a Recv as Recv{"a", true}; the
// zero value of a string is "".
var (
	// Buffered: len(ch) just after close(ch), then the four receives.
	BufferedLen   = -1
	BufferedRecvs = []Recv{}

	// ParkedReceivers: what each of the two parked receivers gets.
	ParkedReceiversGet = Recv{"TODO", true}

	// ParkedSender: the parked sender's panic message ("" if it does not
	// panic), then the two receives after the close.
	ParkedSenderPanic = "TODO"
	ParkedSenderRecvs = []Recv{}
)
