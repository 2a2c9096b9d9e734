package logger

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// Every test runs in a synctest bubble: time.Sleep takes no real time and
// the clock moves only when every goroutine waits, so the times are exact.
// write takes one second per line, as a slow disk would.

type recorder struct {
	start   time.Time
	mu      sync.Mutex      // so that reading what was written is never a race, even too early
	written []string        // in the order write was called
	at      []time.Duration // when each write finished
}

func (r *recorder) write(line string) {
	time.Sleep(time.Second)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.written = append(r.written, line)
	r.at = append(r.at, time.Since(r.start))
}

// lines returns what was written so far, and when.
func (r *recorder) lines() ([]string, []time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.written), slices.Clone(r.at)
}

func seconds(ns ...int) []time.Duration {
	var d []time.Duration
	for _, n := range ns {
		d = append(d, time.Duration(n)*time.Second)
	}
	return d
}

// waitForStragglers gives a writer that Close did not wait for the time to
// finish, so that the bubble ends cleanly and the errors above are what the
// test reports (synctest.Test panics if goroutines are still blocked in the
// bubble when its function returns).
func waitForStragglers() { time.Sleep(time.Hour) }

func TestBurst(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		rec := &recorder{start: time.Now()}
		l := New(rec.write)
		var returned []time.Duration
		var lines []string
		for i := 1; i <= 5; i++ {
			line := fmt.Sprint("line ", i)
			l.Log(line)
			returned = append(returned, time.Since(rec.start))
			lines = append(lines, line)
		}
		l.Close()
		closed := time.Since(rec.start)

		if want := seconds(0, 0, 0, 1, 2); !slices.Equal(returned, want) {
			t.Errorf("in a burst of 5 lines, Log returned at %v; want %v.\n"+
				"The writer holds one line and two may wait, so lines 1 to 3 go at once; line 4 waits\n"+
				"until the writer finishes line 1 and takes line 2 (1s), line 5 until it takes line 3 (2s).\n"+
				"A capacity one too large or too small shifts these times by one second.", returned, want)
		}
		if written, _ := rec.lines(); !slices.Equal(written, lines) {
			t.Errorf("when Close returned, the writer had written %q; want every line, in order: %q", written, lines)
		}
		if want := 5 * time.Second; closed != want {
			t.Errorf("Close returned at %v; want %v, when the last of 5 lines (one second each) is written", closed, want)
		}
		waitForStragglers()
	})
}

func TestTwoBursts(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		rec := &recorder{start: time.Now()}
		l := New(rec.write)
		var returned []time.Duration
		for i := 1; i <= 6; i++ {
			if i == 4 {
				time.Sleep(10 * time.Second) // the writer catches up and waits
			}
			l.Log(fmt.Sprint("line ", i))
			returned = append(returned, time.Since(rec.start))
		}
		l.Close()
		if want := seconds(0, 0, 0, 10, 10, 10); !slices.Equal(returned, want) {
			t.Errorf("with bursts of 3 lines 10s apart, Log returned at %v; want %v: three lines of a burst never wait", returned, want)
		}
		if _, at := rec.lines(); !slices.Equal(at, seconds(1, 2, 3, 11, 12, 13)) {
			t.Errorf("when Close returned, lines had been written at %v; want %v", at, seconds(1, 2, 3, 11, 12, 13))
		}
		waitForStragglers()
	})
}

func TestCloseEmpty(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		rec := &recorder{start: time.Now()}
		New(rec.write).Close()
		if took := time.Since(rec.start); took != 0 {
			t.Errorf("Close of a Logger that logged nothing took %v; want 0", took)
		}
	})
}
