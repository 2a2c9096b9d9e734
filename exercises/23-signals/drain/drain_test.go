package drain

import (
	"context"
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

const ms = time.Millisecond

// Every job takes one second, unless its context is cancelled first. A
// feeder offers jobs all the time; the signal comes at signalAt.
func TestShutdownTimes(t *testing.T) {
	defer goleak.VerifyNone(t)
	tests := []struct {
		name     string
		signalAt time.Duration
		grace    time.Duration
		want     time.Duration // when Serve returns
		finished int
		why      string
	}{
		{"grace long enough", 2500 * ms, 2 * time.Second, 3 * time.Second, 3,
			"job 3 started at 2s and needs until 3s, well within the 2s of grace"},
		{"grace too short", 2500 * ms, 200 * ms, 2700 * ms, 2,
			"job 3 gets 200ms after the signal, is cancelled at 2.7s, and does not count"},
		{"no grace", 2500 * ms, 0, 2500 * ms, 2,
			"with no grace, job 3 is cancelled at once"},
		{"signal during the first job", 500 * ms, time.Second, time.Second, 1,
			"job 1 needs until 1s, and may go on until 1.5s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				ctx, stop := context.WithCancel(context.Background())
				defer stop()
				start := time.Now()
				time.AfterFunc(tt.signalAt, stop) // the signal

				jobs := make(chan Job)
				served := make(chan struct{}) // closed when Serve has returned
				fed := make(chan struct{})    // closed when the feeder has stopped
				go func() {                   // offers jobs until Serve has returned
					defer close(fed)
					for i := 1; ; i++ {
						select {
						case jobs <- Job(fmt.Sprint("job ", i)):
						case <-served:
							return
						}
					}
				}()
				work := func(ctx context.Context, j Job) error {
					select {
					case <-time.After(time.Second):
						return nil
					case <-ctx.Done():
						return ctx.Err()
					}
				}
				n := Serve(ctx, jobs, work, tt.grace)
				took := time.Since(start)
				close(served)
				<-fed
				if took != tt.want || n != tt.finished {
					t.Errorf("signal at %v, grace %v: Serve returned at %v with %d job(s) finished;\n"+
						"want %v with %d: %s.", tt.signalAt, tt.grace, took, n, tt.want, tt.finished, tt.why)
					if took < tt.want {
						t.Logf("Serve returned too early: the job in progress did not get its grace period.")
					}
				}
			})
		})
	}
}
