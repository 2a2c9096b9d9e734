package nextop

import (
	"fmt"
	"testing"
	"testing/synctest"
)

// build makes a channel in state s, inside the current synctest bubble: it
// moves the indexes round with sends and receives, buffers QCount values,
// parks the waiting goroutines, and closes it if asked. The parked
// goroutines recover if a close makes them panic.
func build(s State) chan int {
	ch := make(chan int, s.DataqSiz)
	if s.DataqSiz > 0 {
		for range s.RecvX {
			ch <- -1
			<-ch
		}
	}
	for v := range s.QCount {
		ch <- v + 1
	}
	for range s.SendQ {
		go func() {
			defer func() { _ = recover() }()
			ch <- 99
		}()
	}
	for range s.RecvQ {
		go func() { <-ch }()
	}
	synctest.Wait()
	if s.Closed {
		close(ch)
	}
	return ch
}

// observe runs op on ch in a goroutine and classifies what happened from
// the fields before and after.
func observe(ch chan int, op Op) Outcome {
	before := readFields(ch)
	done := make(chan Outcome, 1)
	go func() {
		defer func() {
			if recover() != nil {
				done <- Panics
			}
		}()
		switch op {
		case Send:
			ch <- 7
		case Recv:
			if _, ok := <-ch; !ok {
				done <- ZeroValue
				return
			}
		case Close:
			close(ch)
		}
		done <- ""
	}()
	synctest.Wait()
	after := readFields(ch)
	var got Outcome
	select {
	case got = <-done:
	default:
		return Parks
	}
	if got != "" {
		return got
	}
	switch {
	case op == Close && before.nrecvq+before.nsendq > 0:
		return WakesAll
	case op == Send && after.nrecvq < before.nrecvq:
		return HandsOver
	case op == Send:
		return Buffers
	case after.nsendq < before.nsendq && cap(ch) == 0:
		return HandsOver
	case after.nsendq < before.nsendq:
		return TakesAndRefills
	default:
		return TakesFromBuffer
	}
}

// real builds each situation, checks that the channel is in the state the
// situation shows, and observes the operation.
func real(t *testing.T, s Situation) Outcome {
	var got Outcome
	synctest.Test(t, func(t *testing.T) {
		ch := build(s.State)
		f := readFields(ch)
		have := State{cap(ch), f.qcount, f.sendx, f.recvx, f.nsendq, f.nrecvq, s.State.Closed}
		if s.State.DataqSiz == 0 {
			have.SendX, have.RecvX = s.State.SendX, s.State.RecvX
		}
		if have != s.State {
			t.Fatalf("situation %s: the course built %+v instead of %+v (please report it)", s.Name, have, s.State)
		}
		got = observe(ch, s.Op)
		if got == Parks || !s.State.Closed && s.Op != Close {
			// Let every goroutine still parked go, so that the bubble ends.
			func() {
				defer func() { _ = recover() }()
				close(ch)
			}()
		}
	})
	return got
}

func TestNextOperation(t *testing.T) {
	var missing []string
	for _, s := range Situations {
		if _, ok := Answers[s.Name]; !ok {
			missing = append(missing, s.Name)
		}
	}
	if len(missing) > 0 {
		t.Errorf("no answer yet for situation(s) %v", missing)
	}
	for _, s := range Situations {
		predicted, ok := Answers[s.Name]
		if !ok {
			continue
		}
		if got := real(t, s); got != predicted {
			t.Errorf("situation %s, a %s on %s: the outcome is not %q.\n%s",
				s.Name, s.Op, describe(s.State), predicted, advice(s))
		}
	}
}

func describe(s State) string {
	str := fmt.Sprintf("dataqsiz=%d qcount=%d", s.DataqSiz, s.QCount)
	if s.DataqSiz > 0 {
		str += fmt.Sprintf(" sendx=%d recvx=%d", s.SendX, s.RecvX)
	}
	str += fmt.Sprintf(" sendq=%d recvq=%d", s.SendQ, s.RecvQ)
	if s.Closed {
		str += " closed"
	}
	return str
}

func advice(s Situation) string {
	switch s.Op {
	case Send:
		return "A send checks, in order: nil? closed? a receiver parked in recvq? room in the buffer? else it parks."
	case Recv:
		return "A receive checks, in order: nil? closed and empty? a sender parked in sendq? values in the buffer? else it parks."
	}
	return "close wakes every goroutine parked on the channel: receivers get the zero value, senders panic."
}
