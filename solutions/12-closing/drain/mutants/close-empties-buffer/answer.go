// Mutant: believes that close throws away what is in the buffer.
package drain

var (
	BufferedLen   = 0
	BufferedRecvs = []Recv{{"", false}, {"", false}, {"", false}, {"", false}}

	ParkedReceiversGet = Recv{"", false}

	ParkedSenderPanic = "send on closed channel"
	ParkedSenderRecvs = []Recv{{"", false}, {"", false}}
)
