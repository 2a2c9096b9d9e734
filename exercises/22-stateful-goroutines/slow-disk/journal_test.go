package slowdisk

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// Inside synctest.Test the clock is fake: time moves only when every
// goroutine of the test waits, so the times below are exact.

const s = time.Second

func TestAppendTimes(t *testing.T) {
	defer goleak.VerifyNone(t)
	tests := []struct {
		queue, entries int
		want           []time.Duration // when Append of entry i+1 returns
		close          time.Duration   // when Close returns
	}{
		{0, 4, []time.Duration{0, 1 * s, 2 * s, 3 * s}, 4 * s},
		{1, 4, []time.Duration{0, 0, 1 * s, 2 * s}, 4 * s},
		{3, 5, []time.Duration{0, 0, 0, 0, 1 * s}, 5 * s},
		{5, 3, []time.Duration{0, 0, 0}, 3 * s},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("queue %d, %d entries", tt.queue, tt.entries)
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var mu sync.Mutex
				var written []string
				write := func(e string) {
					time.Sleep(s) // the disk takes a second per entry
					mu.Lock()
					written = append(written, e)
					mu.Unlock()
				}
				start := time.Now()
				j := Open(write, tt.queue)
				var got []time.Duration
				var want []string
				for i := range tt.entries {
					e := fmt.Sprint("entry ", i+1)
					want = append(want, e)
					j.Append(e)
					got = append(got, time.Since(start))
				}
				j.Close()
				closed := time.Since(start)

				if !slices.Equal(got, tt.want) {
					why := "an Append waits although there is room in the queue"
					for i := range got {
						if got[i] < tt.want[i] {
							why = fmt.Sprintf("Append of entry %d returns before there is room for it: the queue is longer than %d", i+1, tt.queue)
							break
						}
						if got[i] > tt.want[i] {
							break
						}
					}
					t.Errorf("with a queue of %d and a writer that needs 1s per entry, the Appends return at\n\t%s\nwant\n\t%s\n%s.",
						tt.queue, times(got), times(tt.want), why)
				}
				mu.Lock()
				defer mu.Unlock()
				if closed != tt.close || !slices.Equal(written, want) {
					t.Errorf("Close returned at %v with %d of %d entries written; want %v with all of them written, in order.\n"+
						"Close must wait for the writer to finish what is queued.", closed, len(written), tt.entries, tt.close)
				}
			})
		})
	}
}

func times(ds []time.Duration) string {
	var parts []string
	for _, d := range ds {
		parts = append(parts, fmt.Sprintf("%-4v", d))
	}
	return strings.Join(parts, " ")
}
