package shutdownorder

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// run runs Program on the fake clock of a synctest bubble, delivering
// SIGTERM at 2.5s the way the runtime does (a send that never waits, on a
// channel with room for one, as signal.Notify wants it).
func run(t *testing.T) []Event {
	var mu sync.Mutex
	var got []Event
	synctest.Test(t, func(t *testing.T) {
		sigs := make(chan os.Signal, 1)
		time.AfterFunc(2500*time.Millisecond, func() {
			select {
			case sigs <- syscall.SIGTERM:
			default:
			}
		})
		start := time.Now()
		Program(sigs, func(what string) {
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
	for i, p := range Timeline {
		if i < len(real) && p == real[i] {
			continue
		}
		var why string
		switch {
		case i >= len(real):
			why = fmt.Sprintf("Program logs only %d events.", len(real))
		case p.What == real[i].What:
			why = fmt.Sprintf("%q is in the right place, but it is not logged at %v.", p.What, p.At)
		case slices.ContainsFunc(real, func(e Event) bool { return e.What == p.What }):
			why = fmt.Sprintf("%q is logged, but not as event number %d.", p.What, i+1)
		default:
			why = fmt.Sprintf("Program never logs %q.", p.What)
		}
		t.Fatalf("event %d of your Timeline, {%v, %q}, is wrong: %s\n"+
			"Follow the job channel: how many jobs can be in it, and what does close do to the ones\n"+
			"still inside (see \"Graceful shutdown drains the work\")?", i+1, p.At, p.What, why)
	}
	if len(Timeline) < len(real) {
		t.Fatalf("your Timeline stops after %d events, but Program logs %d: what happens after %q?",
			len(Timeline), len(real), Timeline[len(Timeline)-1].What)
	}
}

// TestSameEveryTime: the timeline does not depend on the schedule or on
// GOMAXPROCS.
func TestSameEveryTime(t *testing.T) {
	defer goleak.VerifyNone(t)
	first := run(t)
	for range 5 {
		if again := run(t); !slices.Equal(again, first) {
			t.Fatalf("the timeline changed between two runs:\n%s\nthen\n%s", format(first), format(again))
		}
	}
}

func format(es []Event) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "\t%6v  %s\n", e.At, e.What)
	}
	return b.String()
}
