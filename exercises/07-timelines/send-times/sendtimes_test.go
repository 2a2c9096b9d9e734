package sendtimes

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// run runs Pipeline on the fake clock of a synctest bubble, where
// time.Sleep takes no real time and time moves only when every goroutine
// waits, and returns when each event happened. The times are exact.
func run(t *testing.T, capacity int) map[string]time.Duration {
	var mu sync.Mutex
	at := map[string]time.Duration{}
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		Pipeline(capacity, func(event string) {
			mu.Lock()
			at[event] = time.Since(start)
			mu.Unlock()
		})
	})
	return at
}

// check compares a prediction with the real timeline, event by event.
func check(t *testing.T, which string, capacity int, p Times) {
	real := run(t, capacity)
	if t.Failed() {
		return
	}
	var wrong []string
	for i := range 4 {
		if got, want := p.Sent[i], real[fmt.Sprintf("sent %d", i+1)]; got != want {
			wrong = append(wrong, fmt.Sprintf("Sent[%d] (the send of %d completes): you said %v, it is not", i, i+1, got))
		}
		if got, want := p.Got[i], real[fmt.Sprintf("got %d", i+1)]; got != want {
			wrong = append(wrong, fmt.Sprintf("Got[%d] (the consumer receives %d): you said %v, it is not", i, i+1, got))
		}
	}
	if p.Finished != real["consumer finished"] {
		wrong = append(wrong, fmt.Sprintf("Finished: you said %v, it is not", p.Finished))
	}
	if len(wrong) > 0 {
		t.Errorf("%s: %d of 9 times are wrong:\n\t%s\n"+
			"Follow both goroutines second by second. A send completes when the value is taken by a\n"+
			"receiver or fits in the buffer; a receive completes when a value is there. The consumer\n"+
			"is back at its receive two seconds after each value it got.",
			which, len(wrong), strings.Join(wrong, "\n\t"))
	}
}

func TestUnbuffered(t *testing.T) {
	defer goleak.VerifyNone(t)
	check(t, "Unbuffered", 0, Unbuffered)
}

func TestBuffered(t *testing.T) {
	defer goleak.VerifyNone(t)
	check(t, "Buffered", 2, Buffered)
}
