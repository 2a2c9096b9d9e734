package journey

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
)

// observe runs the script in a synctest bubble. After each step,
// synctest.Wait returns once the worker is parked, asleep or finished; the
// test then reads the channels' queues (see hchan_test.go): the worker is
// the only goroutine that can be in them.
func observe(t *testing.T) []Where {
	var seen []Where
	synctest.Test(t, func(t *testing.T) {
		jobs, results, quit := channels()
		last := make(chan string, 1) // the worker's last announcement
		last <- ""
		done := make(chan struct{})
		at := func(reason string) { <-last; last <- reason }
		for i, s := range Steps {
			if i == 0 {
				go func() {
					Worker(jobs, results, quit, at)
					close(done)
				}()
			} else {
				s.Do(jobs, results, quit)
			}
			synctest.Wait()

			var w Where
			select {
			case <-done:
				w.Reason = "done"
			default:
				w.Reason = <-last
				last <- w.Reason
			}
			for _, c := range []struct {
				name string
				ch   any
			}{{"jobs", jobs}, {"quit", quit}, {"results", results}} {
				f := readFields(c.ch)
				for range f.nrecvq {
					w.Queues = append(w.Queues, c.name+".recvq")
				}
				for range f.nsendq {
					w.Queues = append(w.Queues, c.name+".sendq")
				}
			}
			seen = append(seen, w)
		}
		<-done // the last step closed quit: the worker has returned
	})
	return seen
}

func TestJourney(t *testing.T) {
	real := observe(t)
	if len(After) != len(Steps) {
		t.Fatalf("After has %d entries; the script has %d steps: one per step", len(After), len(Steps))
	}
	for i, want := range real {
		got := After[i]
		if got.Reason == "" {
			t.Fatalf("step %d, %s: no prediction yet (Reason is empty). Write \"select\", \"sleep\", \"chan send\" or \"done\", and the queues.",
				i+1, Steps[i].What)
		}
		gotQ, wantQ := slices.Sorted(slices.Values(got.Queues)), slices.Sorted(slices.Values(want.Queues))
		var wrong []string
		if got.Reason != want.Reason {
			wrong = append(wrong, fmt.Sprintf("the worker is not stopped at %q", got.Reason))
		}
		if !slices.Equal(gotQ, wantQ) {
			wrong = append(wrong, fmt.Sprintf("its sudogs are not in %v", gotQ))
		}
		if len(wrong) == 0 {
			continue
		}
		t.Fatalf("step %d, %s: %s.\n%s", i+1, Steps[i].What, strings.Join(wrong, ", and "), advice)
	}
}

const advice = "Follow the worker from the previous step. Does main's step complete one of its operations, or let its timer fire?\n" +
	"A goroutine parked in a select has a sudog in the queue of every channel of the select; asleep, it is in no channel queue.\n" +
	"And check the capacity of results: does the worker's send wait?"
