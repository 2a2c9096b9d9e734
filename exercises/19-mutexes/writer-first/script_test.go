package writerfirst

import (
	"strings"
	"testing"
)

var why = map[int]string{
	0:  "What does an RWMutex that nobody holds answer to a reader?",
	1:  "How many readers may hold an RWMutex at once?",
	2:  "May a writer share the lock with readers?",
	3:  "A writer is waiting. Does a new reader get in before it, or wait behind it? (sync.RWMutex, \"Writers first\".)",
	4:  "Writer V waits for every reader that was in when it called Lock. Are they all gone?",
	5:  "A writer holds the lock. Can anyone read?",
	6:  "A writer holds the lock. Can another writer take it?",
	7:  "Writer V has unlocked, and nobody else holds the lock.",
	8:  "A reader holds the lock. Can a writer take it?",
	9:  "A Mutex that nobody holds.",
	10: "Does a sync.Mutex remember which goroutine holds it?",
}

func TestEveryStepHasAPrediction(t *testing.T) {
	if _, ok := Answers[Unknown]; ok {
		t.Errorf("answers.go still holds the line Unknown: true. Decide every step, then remove that line.")
	}
	var missing []string
	for _, s := range Steps {
		if _, ok := Answers[s]; !ok {
			missing = append(missing, s)
		}
	}
	if len(missing) > 0 {
		t.Errorf("no prediction for: %s", strings.Join(missing, "; "))
	}
}

func TestPredictions(t *testing.T) {
	if _, ok := Answers[Unknown]; ok {
		return // TestEveryStepHasAPrediction says so
	}
	got := map[string]bool{}
	var order []string
	Script(func(step string, ok bool) {
		got[step] = ok
		order = append(order, step)
	})
	if len(order) != len(Steps) {
		t.Fatalf("the script answered %d steps; there are %d", len(order), len(Steps))
	}
	right := 0
	for i, s := range Steps {
		if predicted, ok := Answers[s]; ok && predicted != got[s] {
			t.Errorf("step %q: you predicted %v, and that is not what happens. %s", s, predicted, why[i])
			continue
		}
		right++
	}
	if right < len(Steps) {
		t.Logf("%d of %d predictions are right", right, len(Steps))
	}
}
