package rules

import (
	"strings"
	"sync"
	"testing"
	"testing/synctest"
)

// why points at the rule behind each snippet, without giving the answer away.
var why = map[string]string{
	"wait-at-zero":       "What does Wait do when the counter is already zero?",
	"done-without-add":   "Done is Add(-1). What is the counter after it, and what does Add do then?",
	"one-done-short":     "Count the Adds and the Dones. When does Wait return?",
	"add-then-take-back": "Add takes any delta. What is the counter when Wait looks at it?",
	"done-twice":         "What is the counter after the second Done?",
	"wait-twice":         "Once the counter is zero, what does the next Wait do?",
	"reuse-after-wait":   "May a WaitGroup count again after a Wait has returned?",
	"go-inside-go":       "Is the counter above zero when the inner Go is called?",
	"two-waiters":        "When the counter reaches zero, how many of the goroutines waiting in Wait are released?",
	"wait-before-go":     "Wait looks at the counter when it is called. What is it then?",
	"deferred-done":      "When does a deferred call run: before Wait returns, or after?",
	"done-before-wait":   "Does Wait need to be waiting when the counter reaches zero?",
}

// observe runs one snippet on a fake clock and reports what it really does.
// Inside a synctest bubble, synctest.Wait returns once every other goroutine
// of the bubble is blocked; a snippet that has not finished by then is
// blocked for good, since nothing else in the bubble could wake it. The test
// then calls Done until the snippet gets out of its Wait, so that no
// goroutine is left behind (what it does after that does not matter).
func observe(t *testing.T, s Snippet) Outcome {
	var got Outcome
	synctest.Test(t, func(t *testing.T) {
		var wg sync.WaitGroup
		result := make(chan Outcome, 2)
		go func() {
			defer func() {
				if recover() != nil {
					result <- Panics
				}
			}()
			s.Run(&wg)
			result <- Completes
		}()
		synctest.Wait()
		select {
		case got = <-result:
		default:
			got = BlocksForever
			for {
				wg.Done()
				synctest.Wait()
				select {
				case <-result:
					return
				default:
				}
			}
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
