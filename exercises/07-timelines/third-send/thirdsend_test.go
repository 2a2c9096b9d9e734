package thirdsend

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

func TestSendTimes(t *testing.T) {
	defer goleak.VerifyNone(t)
	s := time.Second
	tests := []struct {
		workers, jobs int
		want          []time.Duration // want[i]: when the send of job i+1 completes
	}{
		{2, 5, []time.Duration{0, 0, 0, 0, s}},
		{1, 5, []time.Duration{0, 0, s, 2 * s, 3 * s}},
		{3, 8, []time.Duration{0, 0, 0, 0, 0, 0, s, s}},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%d worker(s), %d jobs", tt.workers, tt.jobs)
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				jobs := make([]string, tt.jobs)
				for i := range jobs {
					jobs[i] = fmt.Sprint("job ", i+1)
				}
				var mu sync.Mutex
				got := make([]time.Duration, tt.jobs)
				start := time.Now()
				Dispatch(jobs, tt.workers, func(i int) {
					mu.Lock()
					got[i] = time.Since(start)
					mu.Unlock()
				})
				took := time.Since(start)

				if !slices.Equal(got, tt.want) {
					why := "a send completes too late: there is not enough room for the jobs that should wait"
					for i := range got {
						if got[i] < tt.want[i] {
							why = fmt.Sprintf("the send of job %d completes before it should: the producer runs too far ahead, the buffer is too big", i+1)
							break
						}
						if got[i] > tt.want[i] {
							break
						}
					}
					t.Errorf("with %s, the sends complete at\n\t%s\nwant\n\t%s\n%s.",
						name, times(got), times(tt.want), why)
				}
				// Whatever the buffer, the work itself takes as long.
				if want := time.Duration((tt.jobs+tt.workers-1)/tt.workers) * s; took != want {
					t.Errorf("with %s, Dispatch took %v, want %v", name, took, want)
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
