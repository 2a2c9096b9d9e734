package wholedeadline

import (
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// Inside synctest.Test the clock is fake: the times below are exact.

// chatty sends 1, 2, 3, ... 10, one every every, then closes its channel.
// It gives up early when stop is closed.
func chatty(every time.Duration, stop <-chan struct{}) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 1; i <= 10; i++ {
			select {
			case <-time.After(every):
			case <-stop:
				return
			}
			select {
			case ch <- i:
			case <-stop:
				return
			}
		}
	}()
	return ch
}

func TestDeadlineForTheWholeLoop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		stop := make(chan struct{})
		defer close(stop)
		in := chatty(400*time.Millisecond, stop)
		start := time.Now()
		got := Collect(in, time.Second)
		took := time.Since(start)
		if took != time.Second || !slices.Equal(got, []int{1, 2}) {
			t.Fatalf("a value every 400ms, limit 1s: Collect returned %v after %v;\n"+
				"want [1 2] after exactly 1s. The limit is for the whole call, not for each wait:\n"+
				"make one timer before the loop.", got, took)
		}
	})
}

func TestClosedBeforeTheDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in := make(chan int)
		go func() {
			defer close(in)
			for i := 1; i <= 3; i++ {
				time.Sleep(100 * time.Millisecond)
				in <- i
			}
		}()
		start := time.Now()
		got := Collect(in, time.Second)
		took := time.Since(start)
		if took != 300*time.Millisecond || !slices.Equal(got, []int{1, 2, 3}) {
			t.Fatalf("3 values at 100ms, 200ms, 300ms, then closed; limit 1s: Collect returned %v after %v;\n"+
				"want [1 2 3] after 300ms, as soon as in is closed.", got, took)
		}
	})
}

func TestValueAtTheDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		stop := make(chan struct{})
		defer close(stop)
		in := chatty(999*time.Millisecond, stop)
		start := time.Now()
		got := Collect(in, time.Second)
		took := time.Since(start)
		if took != time.Second || !slices.Equal(got, []int{1}) {
			t.Fatalf("a value every 999ms, limit 1s: Collect returned %v after %v;\n"+
				"want [1] after exactly 1s (the value at 999ms is in time, the next one at 1.998s is not).", got, took)
		}
	})
}
