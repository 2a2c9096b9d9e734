package closeaftercancel

import (
	"context"
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// Inside synctest.Test the clock is fake: the times below are exact.

// fetcher returns a fetch that waits for the url's delay, or until ctx is
// done.
func fetcher(delay map[string]time.Duration) func(ctx context.Context, url string) string {
	return func(ctx context.Context, url string) string {
		select {
		case <-time.After(delay[url]):
			return "page " + url
		case <-ctx.Done():
			return ""
		}
	}
}

var delays = map[string]time.Duration{"a": time.Second, "b": 3 * time.Second, "c": 2 * time.Second, "d": time.Second}

// TestCancelAfterTheFirst fetches a and d, which both take 1s, and b: it
// takes the first result, cancels, and reads on until the channel is
// closed. At the cancel, the goroutine of the other 1s fetch has its
// result in hand. If Fetch closes the channel while that goroutine may
// still send, it panics on some schedule: the simulator finds it.
func TestCancelAfterTheFirst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		ctx, cancel := context.WithCancel(context.Background())
		out := Fetch(ctx, []string{"a", "d", "b"}, fetcher(delays))
		first := <-out
		cancel()
		for range out { // a result on its way may or may not come
		}
		closed := time.Since(start)
		if (first != "page a" && first != "page d") || closed != time.Second {
			t.Fatalf("fetches of 1s, 1s and 3s, cancelled after the first result: the first was %q, and the channel\n"+
				"was closed at %v; want \"page a\" or \"page d\", and closed at 1s, once the other two goroutines have\n"+
				"seen the cancel and returned.", first, closed)
		}
	})
}

func TestEveryResult(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var got []string
		for r := range Fetch(context.Background(), []string{"a", "b", "c"}, fetcher(delays)) {
			got = append(got, r+"@"+time.Since(start).String())
		}
		closed := time.Since(start)
		if want := []string{"page a@1s", "page c@2s", "page b@3s"}; !slices.Equal(got, want) || closed != 3*time.Second {
			t.Fatalf("fetches of 1s, 3s and 2s, nothing cancelled: got %v, closed at %v;\nwant %v, closed at 3s.",
				got, closed, want)
		}
	})
}

func TestNoURLs(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		for r := range Fetch(context.Background(), nil, fetcher(delays)) {
			t.Fatalf("no urls: got a result %q", r)
		}
	})
}
