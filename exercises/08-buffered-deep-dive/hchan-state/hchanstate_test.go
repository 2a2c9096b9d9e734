package hchanstate

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/synctest"

	"go.uber.org/goleak"
)

// The real channel is the judge of everything Go lets a program observe:
// the received values, len (qcount), the order in which the buffered
// values and then the parked senders' values come out, and how many
// senders were parked. sendx and recvx cannot be read from Go code, so
// for those the test replays the same script on ring, a copy of the
// buffer logic of runtime/chan.go, after checking that ring agrees with
// the real channel on everything that can be observed.

// ring is chan.go's circular buffer with its wait queue of senders.
type ring struct {
	buf          [Capacity]string
	qcount       int
	sendx, recvx int
	sendq        []string
}

func (r *ring) send(v string) {
	if r.qcount == Capacity {
		r.sendq = append(r.sendq, v) // no room, no receiver: park
		return
	}
	r.buf[r.sendx] = v
	r.sendx = (r.sendx + 1) % Capacity
	r.qcount++
}

func (r *ring) recv() string {
	v := r.buf[r.recvx]
	r.buf[r.recvx] = ""
	if len(r.sendq) > 0 {
		// chan.go's recv: take the head, put the first parked sender's
		// value into the same slot, advance recvx, and sendx = recvx.
		r.buf[r.recvx] = r.sendq[0]
		r.sendq = r.sendq[1:]
		r.recvx = (r.recvx + 1) % Capacity
		r.sendx = r.recvx
		return v
	}
	r.recvx = (r.recvx + 1) % Capacity
	r.qcount--
	return v
}

func (r *ring) fifo() []string {
	var out []string
	for i := range r.qcount {
		out = append(out, r.buf[(r.recvx+i)%Capacity])
	}
	return out
}

func TestPrediction(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan string, Capacity)
		got := Run(ch, Script, synctest.Wait)
		qcount := len(ch)

		// Drain: the buffer first, then the parked senders, in order.
		var out []string
		for {
			select {
			case v := <-ch:
				out = append(out, v)
				synctest.Wait() // let a woken sender finish
				continue
			default:
			}
			break
		}
		realBuffer, realSendQ := out[:min(qcount, len(out))], out[min(qcount, len(out)):]

		var model ring
		var modelGot []string
		for _, s := range Script {
			switch s.Op {
			case "send", "go send":
				model.send(s.Value)
			case "recv":
				modelGot = append(modelGot, model.recv())
			}
		}
		if !slices.Equal(modelGot, got) || model.qcount != qcount ||
			!slices.Equal(model.fifo(), realBuffer) || !slices.Equal(model.sendq, realSendQ) {
			t.Fatalf("the test's model of chan.go disagrees with the real channel (a bug in the course):\n"+
				"model: got %q qcount %d buffer %q sendq %q\nreal:  got %q qcount %d buffer %q sendq %q",
				modelGot, model.qcount, model.fifo(), model.sendq, got, qcount, realBuffer, realSendQ)
		}

		var wrong []string
		if !slices.Equal(Received, got) {
			wrong = append(wrong, fmt.Sprintf("Received = %q is not what the two receives got", Received))
		}
		if Qcount != qcount {
			wrong = append(wrong, fmt.Sprintf("Qcount = %d is wrong", Qcount))
		}
		if !slices.Equal(Buffer, realBuffer) {
			wrong = append(wrong, fmt.Sprintf("Buffer = %q is wrong (oldest first)", Buffer))
		}
		if Sendx != model.sendx {
			wrong = append(wrong, fmt.Sprintf("Sendx = %d is wrong", Sendx))
		}
		if Recvx != model.recvx {
			wrong = append(wrong, fmt.Sprintf("Recvx = %d is wrong", Recvx))
		}
		if !slices.Equal(SendQ, realSendQ) {
			wrong = append(wrong, fmt.Sprintf("SendQ = %q is wrong", SendQ))
		}
		if len(wrong) > 0 {
			t.Errorf("%d of 6 answers are wrong:\n\t%s\n"+
				"Follow the script on paper with three boxes and two arrows (sendx, recvx). A send with\n"+
				"no room parks; a receive from a full buffer with a parked sender takes the oldest value\n"+
				"AND puts the first parked sender's value in the slot it just emptied.",
				len(wrong), strings.Join(wrong, "\n\t"))
		}
	})
}
