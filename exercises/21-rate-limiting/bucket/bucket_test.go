package bucket

import (
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// Inside synctest.Test the clock is fake: tickers tick on it, and time
// moves only when every goroutine waits. The times below are exact.

func show(ds []time.Duration) string {
	var parts []string
	for _, d := range ds {
		parts = append(parts, d.String())
	}
	return strings.Join(parts, " ")
}

// waits calls Wait n times in a row and returns when each call returned,
// counted from start.
func waits(b *Bucket, start time.Time, n int) []time.Duration {
	var at []time.Duration
	for range n {
		b.Wait()
		at = append(at, time.Since(start))
	}
	return at
}

func TestBurstThenOnePerInterval(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		s := time.Second
		start := time.Now()
		b := NewBucket(3, s)
		defer b.Stop()

		got := waits(b, start, 6)
		want := []time.Duration{0, 0, 0, s, 2 * s, 3 * s}
		if !slices.Equal(got, want) {
			why := "the bucket must start full (3 tokens at once), then give one token per second"
			if len(got) > 0 && got[0] == s {
				why = "the first Wait waited for a tick: the bucket must start full, so that a burst goes through at once"
			}
			t.Errorf("burst 3, one token per second, 6 Waits at t=0: they returned at\n\t%s\nwant\n\t%s\n%s.",
				show(got), show(want), why)
		}
	})
}

func TestQuietTimeRefillsUpToBurst(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		s := time.Second
		start := time.Now()
		b := NewBucket(3, s)
		defer b.Stop()

		waits(b, start, 3)        // empty the bucket at t=0
		time.Sleep(10*s + s/2)    // ten ticks, but room for only three tokens
		got := waits(b, start, 5) // at t=10.5s, between two ticks
		half := 10*s + s/2
		want := []time.Duration{half, half, half, 11 * s, 12 * s}
		if !slices.Equal(got, want) {
			t.Errorf("burst 3, one token per second, bucket emptied at 0s, then 5 Waits at 10.5s: they returned at\n\t%s\nwant\n\t%s\n"+
				"After a quiet time the bucket is full, with burst tokens, not one more: a tick that finds it full is dropped.",
				show(got), show(want))
		}
	})
}

func TestStopLeavesNothingRunning(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		b := NewBucket(2, time.Second)
		b.Wait()
		time.Sleep(5 * time.Second)
		b.Stop()
		// synctest.Test fails if a goroutine of the bubble is still blocked
		// when the test function returns: the refill goroutine must be gone.
	})
}
