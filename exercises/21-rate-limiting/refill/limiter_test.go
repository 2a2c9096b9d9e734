package refill

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// Inside synctest.Test the clock is fake: time.Now moves only when every
// goroutine waits, so the times below are exact to the nanosecond.

type ask struct {
	at   time.Duration // when Allow is called, from NewLimiter
	want bool
}

func TestAllowOnTheClock(t *testing.T) {
	defer goleak.VerifyNone(t)
	ms := time.Millisecond
	// burst 2, one token every 500ms (at 500ms, 1s, 1.5s, ...)
	plan := []ask{
		{0, true}, {0, true}, {0, false}, // the burst, then empty
		{400 * ms, false},                    // no token yet
		{500 * ms, true},                     // the token of 500ms
		{600 * ms, false},                    //
		{1000 * ms, true},                    // the token of 1s: 400ms then 600ms do not add up to anything
		{1200 * ms, false},                   //
		{5000 * ms, true}, {5000 * ms, true}, // a quiet time fills the bucket...
		{5000 * ms, false}, // ...to burst, not more
		{5499 * ms, false}, // one nanosecond short of a tick is not a tick
		{5500 * ms, true},  //
	}
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		l := NewLimiter(2, 500*ms)
		var lines []string
		wrong := 0
		for _, a := range plan {
			time.Sleep(a.at - time.Since(start))
			got := l.Allow()
			mark := "  "
			if got != a.want {
				mark = "✗ "
				wrong++
			}
			lines = append(lines, fmt.Sprintf("%s%-8v Allow() = %-5v want %v", mark, a.at, got, a.want))
		}
		if wrong > 0 {
			t.Errorf("burst 2, one token every 500ms; %d answers are wrong:\n\t%s\n"+
				"Count whole intervals since last, add that many tokens (never more than burst), and move last\n"+
				"forward by exactly those intervals: resetting last to now loses the part of an interval that\n"+
				"has already passed.", wrong, strings.Join(lines, "\n\t"))
		}
	})
}

func TestManyCallersAtOnce(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		l := NewLimiter(3, time.Second)
		var allowed atomic.Int32
		var wg sync.WaitGroup
		for range 10 {
			wg.Go(func() {
				if l.Allow() {
					allowed.Add(1)
				}
			})
		}
		wg.Wait()
		if n := allowed.Load(); n != 3 {
			t.Errorf("burst 3: 10 goroutines called Allow at t=0 and %d got true; want 3", n)
		}
		time.Sleep(2 * time.Second)
		allowed.Store(0)
		for range 10 {
			wg.Go(func() {
				if l.Allow() {
					allowed.Add(1)
				}
			})
		}
		wg.Wait()
		if n := allowed.Load(); n != 2 {
			t.Errorf("burst 3, one token a second: 10 goroutines called Allow at t=2s and %d got true; want 2", n)
		}
	})
}
