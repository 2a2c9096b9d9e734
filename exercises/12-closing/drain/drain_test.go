package drain

import (
	"fmt"
	"slices"
	"testing"
	"testing/synctest"
)

func TestBuffered(t *testing.T) {
	n, recvs := Buffered()
	if BufferedLen != n {
		t.Errorf("Buffered: you predicted len(ch) == %d just after close; it is %d.\n"+
			"\tclose does not touch the buffer: values already sent stay there (see \"What close does inside the channel\").",
			BufferedLen, n)
	}
	if !slices.Equal(BufferedRecvs, recvs) {
		t.Errorf("Buffered: you predicted the four receives %s; they returned %s.\n"+
			"\tA closed channel first gives out what is left in its buffer, in order, with ok == true;\n"+
			"\tthen every receive returns at once with the zero value and ok == false.",
			show(BufferedRecvs), show(recvs))
	}
}

func TestParkedReceivers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		for _, r := range ParkedReceivers() {
			if r != ParkedReceiversGet {
				t.Errorf("ParkedReceivers: you predicted each parked receiver gets %s; one got %s.\n"+
					"\tclose wakes every goroutine in recvq, and each returns the zero value with ok == false.",
					show([]Recv{ParkedReceiversGet}), show([]Recv{r}))
				return
			}
		}
	})
}

func TestParkedSender(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p, recvs := ParkedSender()
		if p != ParkedSenderPanic {
			t.Errorf("ParkedSender: you predicted the parked sender's panic %q; it was %q.\n"+
				"\tclose wakes every goroutine in sendq too, and each of them panics at its own send.",
				ParkedSenderPanic, p)
		}
		if !slices.Equal(ParkedSenderRecvs, recvs) {
			t.Errorf("ParkedSender: you predicted the receives after close %s; they returned %s.\n"+
				"\tThe value that was in the buffer stays; the parked sender's value never got in.",
				show(ParkedSenderRecvs), show(recvs))
		}
	})
}

func show(rs []Recv) string {
	s := "["
	for i, r := range rs {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("{%q %v}", r.V, r.OK)
	}
	return s + "]"
}
