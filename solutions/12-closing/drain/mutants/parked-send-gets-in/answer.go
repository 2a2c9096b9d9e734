// Mutant: believes that a sender already parked when the channel is closed
// still delivers its value, and that only later sends panic.
package drain

var (
	BufferedLen   = 2
	BufferedRecvs = []Recv{{"b", true}, {"c", true}, {"", false}, {"", false}}

	ParkedReceiversGet = Recv{"", false}

	ParkedSenderPanic = ""
	ParkedSenderRecvs = []Recv{{"first", true}, {"second", true}}
)
