package barrier

import (
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// event is one call of first or second, and when it started and ended.
type event struct {
	phase      string
	i          int
	start, end time.Duration
}

func TestPhases(t *testing.T) {
	defer goleak.VerifyNone(t)
	for _, n := range []int{1, 3, 4} {
		t.Run(fmt.Sprint(n, " goroutines"), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var mu sync.Mutex
				var events []event
				begin := time.Now()
				call := func(phase string, i int, d time.Duration) {
					start := time.Since(begin)
					time.Sleep(d)
					mu.Lock()
					events = append(events, event{phase, i, start, time.Since(begin)})
					mu.Unlock()
				}
				// first(i) takes i+1 seconds: the last one returns at n seconds.
				Phases(n,
					func(i int) { call("first", i, time.Duration(i+1)*time.Second) },
					func(i int) { call("second", i, time.Second) })
				took := time.Since(begin)

				lastFirst := time.Duration(n) * time.Second
				firsts, seconds := 0, 0
				for _, e := range events {
					switch e.phase {
					case "first":
						firsts++
					case "second":
						seconds++
						if e.start < lastFirst {
							t.Fatalf("with %d goroutines: second(%d) started at %v, but the last first returned at %v.\n"+
								"No goroutine may start its second phase before every goroutine has finished its first:\n"+
								"a goroutine must say \"arrived\" only after first returns, and wait for all n arrivals.",
								n, e.i, e.start, lastFirst)
						}
						if e.start > lastFirst {
							t.Fatalf("with %d goroutines: second(%d) started at %v, but the last first returned at %v:\n"+
								"the barrier waited longer than it had to.", n, e.i, e.start, lastFirst)
						}
					}
				}
				if firsts != n || seconds != n {
					t.Fatalf("with %d goroutines: first ran %d times and second %d times, want %d each", n, firsts, seconds, n)
				}
				if want := lastFirst + time.Second; took != want {
					t.Fatalf("with %d goroutines: Phases returned at %v, want %v (when the last second returns)", n, took, want)
				}
			})
		})
	}
}
