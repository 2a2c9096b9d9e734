package stalled

import (
	"fmt"
	"maps"
	"slices"
	"testing"
	"testing/synctest"
)

// TestStalledState starts the pipeline in a synctest bubble and waits until
// every goroutine in it is blocked; then it compares what it sees with your
// prediction, and finally drains the pipeline so that every stage ends.
func TestStalledState(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := Start()
		synctest.Wait() // nothing can move any more

		numbersLen, squaresLen := len(p.Numbers), len(p.Squares)
		sending := p.Sending()

		// Drain: what comes out of each channel first is what its buffer
		// held, in order. Receiving from Numbers frees room for gen.
		var numbers []int
		for range numbersLen {
			numbers = append(numbers, <-p.Numbers)
		}
		var squares []int
		for range squaresLen {
			squares = append(squares, <-p.Squares)
		}
		// Let everything finish: read the rest of both channels.
		go func() {
			for range p.Numbers {
			}
		}()
		for range p.Squares {
		}
		synctest.Wait()

		// gen only sends and the sink had finished, so the only stage that
		// can have been parked on a receive is square, when it was not
		// sending.
		var receiving []string
		if _, ok := sending["square"]; !ok {
			receiving = append(receiving, "square")
		}

		check := func(what string, ok bool, want, got any, why string) {
			if !ok {
				t.Errorf("%s: you predicted %v, but it is %v. %s", what, got, want, why)
			}
		}
		check("Got", p.Got == Got, p.Got, Got,
			"The sink takes the first value that comes out of Squares.")
		check("NumbersBuffer", slices.Equal(numbers, NumbersBuffer), numbers, NumbersBuffer,
			"Numbers has room for 2; square takes a number only when it has handed on the previous square.")
		check("SquaresBuffer", slices.Equal(squares, SquaresBuffer), squares, SquaresBuffer,
			"Squares has room for 1; the sink took one value and stopped.")
		check("ParkedSending", maps.Equal(sending, ParkedSending), fmt.Sprint(sending), fmt.Sprint(ParkedSending),
			"A stage parks on a send when the buffer is full and nobody receives; a parked sender's value is not in the buffer yet.")
		check("ParkedReceiving", slices.Equal(receiving, ParkedReceiving) || len(receiving) == 0 && len(ParkedReceiving) == 0,
			receiving, ParkedReceiving, "A stage parks on a receive only when the buffer is empty and nobody sends.")
	})
}
