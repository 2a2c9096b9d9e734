package blocks

import (
	"strings"
	"testing"
	"testing/synctest"
)

// why points at the rule behind each snippet, without giving the answer away.
var why = map[string]string{
	"send-unbuffered":        "An unbuffered channel has no room: what does a send need before it can complete?",
	"send-buffered":          "Is there room in the buffer for this value?",
	"send-twice-cap-1":       "Count the values and the room for them. Does anyone receive?",
	"receive-more-than-sent": "Count the values that go in and the receives that take them out.",
	"receive-after-close":    "What does a receive from a closed, empty channel return, and does it wait?",
	"send-after-close":       "See the row `ch <- v` of the table, column \"closed\".",
	"range-closed":           "When does a range loop over a channel end?",
	"range-open":             "When does a range loop over a channel end: when the buffer is empty, or later?",
	"select-default":         "What does select do when no case can proceed and there is a default?",
	"select-nil-case":        "Can a case on a nil channel ever proceed? And the other case?",
	"close-twice":            "How many times may a channel be closed?",
	"partner-goroutine":      "Is there a goroutine on the other side of the channel?",
	"receive-own-send":       "The operand of a send is evaluated before the send. What is `<-ch` on an empty channel?",
	"close-nil":              "c is declared but never made. What is it, and what does close do with it?",
}

// observe runs one snippet on a fake clock and reports what it really does.
// Inside a synctest bubble, synctest.Wait returns once every other goroutine
// of the bubble is blocked; a snippet that has not finished by then is
// blocked for good, since nothing else in the bubble could wake it. The test
// then closes ch, which ends every blocked snippet here (a parked receiver
// wakes, a parked sender panics), so that no goroutine is left behind.
func observe(t *testing.T, s Snippet) Outcome {
	var got Outcome
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan int, s.Cap)
		result := make(chan Outcome, 2)
		go func() {
			defer func() {
				if recover() != nil {
					result <- Panics
				}
			}()
			s.Run(ch)
			result <- Completes
		}()
		synctest.Wait()
		select {
		case got = <-result:
		default:
			got = BlocksForever
			func() {
				defer func() { _ = recover() }() // the snippet may have closed ch itself
				close(ch)
			}()
			<-result // how it ends after the release does not matter
		}
	})
	return got
}

func TestEverySnippetHasAPrediction(t *testing.T) {
	var missing []string
	for _, s := range Snippets {
		if a := Answers[s.Name]; a < Completes || a > Panics {
			missing = append(missing, s.Name)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d of %d snippets have no prediction yet: %s.\n"+
			"In answers.go, write Completes, BlocksForever or Panics for each.",
			len(missing), len(Snippets), strings.Join(missing, ", "))
	}
	if len(Answers) != len(Snippets) {
		t.Errorf("Answers has %d entries; there are %d snippets, one answer each", len(Answers), len(Snippets))
	}
}

func TestPredictions(t *testing.T) {
	right := 0
	for _, s := range Snippets {
		real := observe(t, s)
		predicted, ok := Answers[s.Name]
		if !ok || predicted == Unknown {
			continue // TestEverySnippetHasAPrediction says so
		}
		if predicted != real {
			t.Errorf("%s: you predicted %v, and that is not what it does. %s", s.Name, predicted, why[s.Name])
			continue
		}
		right++
	}
	if right < len(Snippets) {
		t.Logf("%d of %d predictions are right", right, len(Snippets))
	}
}
