package fetchall

import (
	"fmt"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// Inside synctest.Test the clock is fake: time.Sleep takes no real time,
// and time moves only when every goroutine of the test is waiting. So the
// times below are exact and do not depend on the speed of the machine.

func TestFetchAllOverlaps(t *testing.T) {
	defer goleak.VerifyNone(t)
	tests := []struct {
		name    string
		latency []time.Duration // latency[i] is how long fetching url i waits
		want    time.Duration
	}{
		{"one", []time.Duration{time.Second}, time.Second},
		{"ten equal", slices.Repeat([]time.Duration{time.Second}, 10), time.Second},
		{"slowest first", []time.Duration{3 * time.Second, time.Second, 2 * time.Second}, 3 * time.Second},
		{"slowest last", []time.Duration{time.Second, time.Second, 5 * time.Second}, 5 * time.Second},
		{"none", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				urls := make([]string, len(tt.latency))
				wait := map[string]time.Duration{}
				want := make([]string, len(urls))
				for i, d := range tt.latency {
					urls[i] = fmt.Sprintf("https://example.com/%d", i)
					wait[urls[i]] = d
					want[i] = "page " + urls[i]
				}
				var running atomic.Int32 // fetches started and not yet returned
				fetch := func(url string) string {
					running.Add(1)
					defer running.Add(-1)
					time.Sleep(wait[url]) // waiting, as for a network
					return "page " + url
				}

				start := time.Now()
				got := FetchAll(urls, fetch)
				took := time.Since(start)
				if n := running.Load(); n > 0 {
					// Let the fetches end before the test does.
					time.Sleep(slices.Max(tt.latency))
					t.Fatalf("FetchAll returned after %v while %d fetch(es) were still running.\n"+
						"It must wait for every fetch it started (a sync.WaitGroup), not for a time that is long enough\n"+
						"only when the network is fast: here the slowest fetch took %v.",
						took, n, slices.Max(tt.latency))
				}

				if !slices.Equal(got, want) {
					t.Errorf("FetchAll returned %q,\n                 want %q (result i must be fetch(urls[i]))", got, want)
				}
				if took != tt.want {
					sum := time.Duration(0)
					for _, d := range tt.latency {
						sum += d
					}
					why := "the waits did not all overlap"
					switch {
					case took == sum && len(tt.latency) > 1:
						why = "that is every fetch one after another: start them all before waiting for any"
					case took < tt.want:
						why = "FetchAll returned before its slowest fetch had finished"
					}
					t.Errorf("with fetches waiting %v, FetchAll took %v, want %v (the slowest fetch) at GOMAXPROCS=%d:\n%s",
						tt.latency, took, tt.want, runtime.GOMAXPROCS(0), why)
				}
			})
		})
	}
}
