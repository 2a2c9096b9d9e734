package breakfast

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// run runs Breakfast on the fake clock of a synctest bubble, where
// time.Sleep takes no real time and time moves only when every goroutine
// waits. The timeline it returns is exact.
func run(t *testing.T) []Event {
	var mu sync.Mutex
	var got []Event
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		Breakfast(func(what string) {
			mu.Lock()
			got = append(got, Event{time.Since(start), what})
			mu.Unlock()
		})
	})
	return got
}

func TestTimeline(t *testing.T) {
	defer goleak.VerifyNone(t)
	real := run(t)
	if t.Failed() {
		return
	}
	if len(Timeline) != len(real) {
		t.Fatalf("your Timeline lists %d event(s); Breakfast logs %d. Every call of log is one event.",
			len(Timeline), len(real))
	}
	for i, p := range Timeline {
		if p == real[i] {
			continue
		}
		var why string
		switch {
		case p.What == real[i].What:
			why = fmt.Sprintf("%q is in the right place, but it does not happen at %v.", p.What, p.At)
		case slices.ContainsFunc(real, func(e Event) bool { return e.What == p.What }):
			why = fmt.Sprintf("%q is logged, but not as event number %d.", p.What, i+1)
		default:
			why = fmt.Sprintf("Breakfast never logs %q (check the spelling).", p.What)
		}
		t.Fatalf("event %d of your Timeline, {%v, %q}, is wrong: %s\n"+
			"Follow each goroutine: what does it wait for, and from when? "+
			"An unbuffered send completes only when a receiver takes the value.",
			i+1, p.At, p.What, why)
	}
}

// TestSameOnEveryCore runs the program several times; the timeline is the
// same each time, whatever GOMAXPROCS is (-cpu 1,2,4 runs this test with
// 1, 2 and 4). Nothing here computes: everything waits.
func TestSameOnEveryCore(t *testing.T) {
	defer goleak.VerifyNone(t)
	first := run(t)
	for range 5 {
		if again := run(t); !slices.Equal(again, first) {
			t.Fatalf("at GOMAXPROCS=%d the timeline changed between two runs:\n%s\nthen\n%s",
				runtime.GOMAXPROCS(0), format(first), format(again))
		}
	}
}

func format(es []Event) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "\t%4v  %s\n", e.At, e.What)
	}
	return b.String()
}
