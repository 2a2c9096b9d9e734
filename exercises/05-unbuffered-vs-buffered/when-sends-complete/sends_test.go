package sends

import (
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// measure runs a program on synctest's fake clock and returns when each
// send completed.
func measure(t *testing.T, program func(sent func(int))) []time.Duration {
	var times []time.Duration
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		program(func(int) { times = append(times, time.Since(start)) })
	})
	return times
}

func compare(t *testing.T, name string, predicted, real []time.Duration, advice string) {
	t.Helper()
	if len(predicted) != len(real) {
		t.Errorf("%s: you listed %d times; the program has %d sends", name, len(predicted), len(real))
		return
	}
	for i := range real {
		if predicted[i] != real[i] {
			t.Errorf("%s: send %d does not complete at %v (your sends 1 to %d are right).\n%s",
				name, i+1, predicted[i], i, advice)
			return
		}
	}
}

func TestLateReader(t *testing.T) {
	compare(t, "LateReader", LateReaderSends, measure(t, LateReader),
		"Until the reader arrives, only the buffer takes values. When the reader takes one, a parked sender's value moves into the free place.")
}

func TestBursts(t *testing.T) {
	compare(t, "Bursts", BurstsSends, measure(t, Bursts),
		"At the start of each burst, is the reader waiting? A send to a waiting reader does not use the buffer.")
}

// TestSameEveryTime: the timeline does not depend on the schedule or on
// GOMAXPROCS; only on the program.
func TestSameEveryTime(t *testing.T) {
	first := measure(t, Bursts)
	for range 5 {
		if again := measure(t, Bursts); !slices.Equal(again, first) {
			t.Fatalf("two runs of Bursts gave %v and %v", first, again)
		}
	}
}
