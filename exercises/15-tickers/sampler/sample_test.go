package sampler

import (
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// Inside synctest.Test the clock is fake: the times below are exact.

// collect samples with a period of 1s, reads values until its own timer
// of after fires, then calls stop. It returns the values it got, and when
// stop returned (or hung: stop had not returned a minute after the call).
func collect(t *testing.T, after time.Duration) (got []int, stopped time.Duration, hung bool) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		n := 0
		values, stop := Sample(time.Second, func() int { n++; return n })
		enough := time.After(after)
	read:
		for {
			select {
			case v := <-values:
				got = append(got, v)
			case <-enough:
				break read
			}
		}

		returned := make(chan struct{})
		go func() {
			stop()
			close(returned)
		}()
		select {
		case <-returned:
			stopped = time.Since(start)
		case <-time.After(time.Minute):
			// stop hangs. Take what the sampling goroutine is trying to
			// send, so that it can go on, and the test can end.
			hung = true
			for {
				select {
				case <-values:
					continue
				case <-returned:
				}
				break
			}
		}
	})
	return got, stopped, hung
}

const hangs = "stop() had not returned a minute (on the fake clock) after it was called. It waits for the sampling\n" +
	"goroutine to end, and that goroutine is not listening to quit: it is parked on its send, out <- ...,\n" +
	"which nobody will ever receive now that the reader has stopped reading (see \"Stopping the goroutine\n" +
	"that reads a ticker\")."

func TestStopBetweenTicks(t *testing.T) {
	got, stopped, hung := collect(t, 2500*time.Millisecond)
	if hung {
		t.Fatalf("period 1s, reading until 2.5s, then stop: got %v, and then:\n%s", got, hangs)
	}
	if !slices.Equal(got, []int{1, 2}) || stopped != 2500*time.Millisecond {
		t.Fatalf("period 1s, reading until 2.5s, then stop: got %v, and stop returned at %v;\n"+
			"want [1 2], and stop returning at once, at 2.5s.", got, stopped)
	}
}

// TestStopAtATick stops at 3s, the moment the third tick is due. Whether
// the third value is received first depends on the schedule: both answers
// are right. What is not right is a stop that never returns.
func TestStopAtATick(t *testing.T) {
	got, stopped, hung := collect(t, 3*time.Second)
	if hung {
		t.Fatalf("period 1s, reading until 3s (when the third tick is due too), then stop: got %v, and then:\n%s",
			got, hangs)
	}
	if (!slices.Equal(got, []int{1, 2}) && !slices.Equal(got, []int{1, 2, 3})) || stopped != 3*time.Second {
		t.Fatalf("period 1s, reading until 3s, then stop: got %v, and stop returned at %v;\n"+
			"want [1 2] or [1 2 3] (the tick of 3s and the end of reading come at the same moment),\n"+
			"and stop returning at once, at 3s.", got, stopped)
	}
}

// TestStopWaitsForARead: stop is called while the sampling goroutine is in
// read, and read goes on for an hour of fake time. stop must not return
// before that goroutine has ended: once stop has returned, nothing reads.
func TestStopWaitsForARead(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		reading := make(chan struct{}, 1)
		release := make(chan struct{})
		read := func() int {
			select {
			case reading <- struct{}{}:
			default:
			}
			<-release
			return 1
		}
		_, stop := Sample(time.Second, read)
		<-reading // the first tick has come, and read is running
		start := time.Now()
		stopped := make(chan time.Duration)
		go func() {
			stop()
			stopped <- time.Since(start)
		}()
		select {
		case after := <-stopped:
			close(release)
			t.Fatalf("stop returned after %v while the sampling goroutine was still in read.\n"+
				"stop must wait until that goroutine has ended (close quit, then wait for it to say it is done):\n"+
				"once stop has returned, nothing may still be reading, however long a read takes.", after)
		case <-time.After(time.Hour):
		}
		close(release)
		<-stopped
	})
}
