package handshake

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// TestStream: consume reads its buffer for a whole second. The buffer may
// be filled again only when consume has returned: fill(i) at exactly i
// seconds. Filling a tick earlier overwrites a buffer that is being read.
func TestStream(t *testing.T) {
	defer goleak.VerifyNone(t)
	items := []string{"alpha", "bravo", "charlie", "delta"}
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		var filled []time.Duration
		var got []string
		start := time.Now()
		Stream(items,
			func(i int) {
				mu.Lock()
				filled = append(filled, time.Since(start))
				mu.Unlock()
			},
			func(b []byte) {
				time.Sleep(time.Second) // reading takes a while...
				s := string(b)          // ...and the buffer is read at the end
				mu.Lock()
				got = append(got, s)
				mu.Unlock()
			})
		took := time.Since(start)

		want := []time.Duration{0, time.Second, 2 * time.Second, 3 * time.Second}
		if !slices.Equal(filled, want) {
			t.Errorf("fill was called at %v, want %v.\n%s", filled, want, why(filled, want))
		}
		if !slices.Equal(got, items) {
			t.Errorf("consume read %q, want %q: the buffer was overwritten while consume was reading it", got, items)
		}
		if took != 4*time.Second {
			t.Errorf("Stream took %v, want 4s (four items of one second each)", took)
		}
	})
}

func why(got, want []time.Duration) string {
	for i := range min(len(got), len(want)) {
		if got[i] < want[i] {
			return fmt.Sprintf("fill(%d) came %v too early: consume was still reading the buffer. A completed send on an\n"+
				"unbuffered channel only says that the buffer was taken; wait for a reply that says consume returned.",
				i, want[i]-got[i])
		}
		if got[i] > want[i] {
			return fmt.Sprintf("fill(%d) came %v too late: Stream waited longer than for consume to return.", i, got[i]-want[i])
		}
	}
	return "fill must be called once per item."
}
