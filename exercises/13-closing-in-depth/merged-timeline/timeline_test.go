package mergedtimeline

import (
	"fmt"
	"slices"
	"testing"
	"testing/synctest"
)

func TestTimeline(t *testing.T) {
	var real Timeline
	synctest.Test(t, func(t *testing.T) {
		real = Run()
	})
	p := Prediction
	if !slices.Equal(p.Consumer, real.Consumer) {
		t.Errorf("the consumer: you predicted\n\t%v\nbut it saw\n\t%v%s", show(p.Consumer), show(real.Consumer), consumerHint(p.Consumer, real.Consumer))
	}
	if p.ProducerADone != real.ProducerADone {
		t.Errorf("producer a: you predicted it returns at %v; it returns at %v.\n"+
			"\tIts send completes when someone takes the value: who takes it, the consumer or the forwarder?", p.ProducerADone, real.ProducerADone)
	}
	if p.ProducerBDone != real.ProducerBDone {
		t.Errorf("producer b: you predicted it returns at %v; it returns at %v.", p.ProducerBDone, real.ProducerBDone)
	}
	if p.OutClosed != real.OutClosed {
		t.Errorf("the merge closes out at %v, not at %v as you predicted.\n"+
			"\tThe closer waits for both forwarders; a forwarder ends when its input is closed AND its last value has been taken.",
			real.OutClosed, p.OutClosed)
	}
}

func show(es []Event) string {
	s := ""
	for i, e := range es {
		if i > 0 {
			s += "  "
		}
		s += fmt.Sprintf("%s@%v", e.What, e.At)
	}
	return s
}

func consumerHint(p, real []Event) string {
	for i := range min(len(p), len(real)) {
		if p[i] != real[i] {
			if p[i].What == real[i].What {
				return fmt.Sprintf("\n\t%s arrives at %v. The consumer only receives when it has finished with the previous value;\n"+
					"\tuntil then a value waits, with its forwarder, in out's sendq.", real[i].What, real[i].At)
			}
			return fmt.Sprintf("\n\tvalue %d is %s, not %s: forwarders waiting in out's sendq are served first in, first out.", i+1, real[i].What, p[i].What)
		}
	}
	return ""
}
