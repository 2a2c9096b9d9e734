package semaphore

import (
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// TestRunLimited: tasks of one second each. With n tasks and a limit, the
// busiest moment has exactly min(n, limit) tasks running, and the whole
// run takes ceil(n/limit) seconds, on a fake clock.
func TestRunLimited(t *testing.T) {
	defer goleak.VerifyNone(t)
	for _, tc := range []struct{ n, limit int }{{7, 3}, {4, 1}, {2, 5}} {
		t.Run(fmt.Sprintf("%d tasks, limit %d", tc.n, tc.limit), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var mu sync.Mutex
				running, most, ran := 0, 0, 0
				tasks := make([]func(), tc.n)
				for i := range tasks {
					tasks[i] = func() {
						mu.Lock()
						running++
						most = max(most, running)
						mu.Unlock()
						time.Sleep(time.Second)
						mu.Lock()
						running--
						ran++
						mu.Unlock()
					}
				}
				start := time.Now()
				RunLimited(tasks, tc.limit)
				took := time.Since(start)

				wantMost := min(tc.n, tc.limit)
				wantTook := time.Duration((tc.n+tc.limit-1)/tc.limit) * time.Second
				if ran != tc.n {
					t.Fatalf("%d of %d tasks ran", ran, tc.n)
				}
				if most != wantMost {
					t.Fatalf("at the busiest moment %d tasks ran at once; want exactly %d.\n"+
						"A slot must be held for the whole task: sent into the semaphore before the task\n"+
						"starts, received back after it returns, on a channel of capacity limit.", most, wantMost)
				}
				if took != wantTook {
					t.Fatalf("RunLimited took %v; want %v (%d tasks of 1s, %d at a time)", took, wantTook, tc.n, tc.limit)
				}
			})
		})
	}
}
