package tickergate

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// Inside synctest.Test the clock is fake: time.Sleep takes no real time,
// tickers tick on the fake clock, and time moves only when every goroutine
// waits. The times below are exact.

// starts serves n requests and returns when each one started.
func starts(t *testing.T, n int, interval, work time.Duration) []time.Duration {
	var at []time.Duration
	synctest.Test(t, func(t *testing.T) {
		reqs := make([]string, n)
		for i := range reqs {
			reqs[i] = fmt.Sprint("request ", i+1)
		}
		start := time.Now()
		Serve(reqs, interval, func(string) {
			at = append(at, time.Since(start))
			time.Sleep(work) // handling takes this long
		})
	})
	return at
}

func show(ds []time.Duration) string {
	var parts []string
	for _, d := range ds {
		parts = append(parts, d.String())
	}
	return strings.Join(parts, " ")
}

func TestOnePerTick(t *testing.T) {
	ms := time.Millisecond
	got := starts(t, 4, 200*ms, 50*ms)
	want := []time.Duration{200 * ms, 400 * ms, 600 * ms, 800 * ms}
	if !slices.Equal(got, want) {
		why := "each request must wait for its own tick of a clock that started with Serve"
		switch {
		case len(got) > 1 && got[1] == 450*ms:
			why = "the requests drift by the 50ms each one takes: a Sleep after each request waits 200ms from its end,\n" +
				"not until the next tick. A Ticker keeps its beat whatever the work takes"
		case len(got) > 0 && got[0] == 0:
			why = "the first request started at once: nothing waits for a tick"
		}
		t.Errorf("handlers taking 50ms, interval 200ms: requests started at\n\t%s\nwant\n\t%s\n%s.", show(got), show(want), why)
	}
}

func TestSlowHandlerWaitsForTheNextTick(t *testing.T) {
	ms := time.Millisecond
	got := starts(t, 3, 200*ms, 300*ms)
	// The first request starts at the tick of 200ms and ends at 500ms; the
	// tick of 400ms is waiting in the ticker's channel, so the second starts
	// at once, at 500ms, and ends at 800ms; the third takes the tick that
	// came at 600ms, at 800ms. A ticker keeps at most one tick for a slow
	// reader and drops the others.
	want := []time.Duration{200 * ms, 500 * ms, 800 * ms}
	if !slices.Equal(got, want) {
		t.Errorf("handlers taking 300ms, interval 200ms: requests started at\n\t%s\nwant\n\t%s\n"+
			"(a tick that came while a request was handled waits in the ticker's channel, and only one does).",
			show(got), show(want))
	}
}

func TestNoRequests(t *testing.T) {
	if got := starts(t, 0, time.Second, 0); len(got) != 0 {
		t.Errorf("no requests, yet handle was called %d times", len(got))
	}
}
