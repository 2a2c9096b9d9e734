package onthegrid

import (
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// Inside synctest.Test the clock is fake: the times below are exact.

const ms = time.Millisecond

// starts runs Every with jobs that take took[i], and returns when each job
// started and when Every returned, counted from the call.
func starts(t *testing.T, period time.Duration, took []time.Duration) (started []time.Duration, returned time.Duration) {
	synctest.Test(t, func(t *testing.T) {
		started = make([]time.Duration, len(took))
		start := time.Now()
		Every(len(took), period, func(i int) {
			started[i] = time.Since(start)
			time.Sleep(took[i])
		})
		returned = time.Since(start)
	})
	return started, returned
}

func TestOnTheGrid(t *testing.T) {
	tests := []struct {
		name     string
		took     []time.Duration
		want     []time.Duration
		returned time.Duration
		why      string
	}{
		{
			name:     "short jobs",
			took:     []time.Duration{300 * ms, 300 * ms, 300 * ms, 300 * ms},
			want:     []time.Duration{0, 1000 * ms, 2000 * ms, 3000 * ms},
			returned: 3300 * ms,
			why: "A job that takes 300ms does not move the grid: job i starts at i seconds.\n" +
				"Sleeping a whole period after each job starts them at 0, 1.3s, 2.6s, ...",
		},
		{
			name:     "one job overruns",
			took:     []time.Duration{300 * ms, 2500 * ms, 300 * ms, 300 * ms, 300 * ms},
			want:     []time.Duration{0, 1000 * ms, 3500 * ms, 4000 * ms, 5000 * ms},
			returned: 5300 * ms,
			why: "job 1 runs from 1s to 3.5s. The tick of 2s came while it ran, so job 2 starts at once, at 3.5s;\n" +
				"the tick of 3s was dropped, and job 3 is back on the grid at 4s (see \"A slow reader loses ticks\").",
		},
		{
			name:     "first job overruns three slots",
			took:     []time.Duration{3500 * ms, 300 * ms, 300 * ms},
			want:     []time.Duration{0, 3500 * ms, 4000 * ms},
			returned: 4300 * ms,
			why:      "The slots of 1s, 2s and 3s all passed while job 0 ran: job 1 starts at once, job 2 on the grid at 4s.",
		},
		{
			name:     "one job",
			took:     []time.Duration{300 * ms},
			want:     []time.Duration{0},
			returned: 300 * ms,
			why:      "One job starts at once, and Every returns when it has returned: no waiting for a tick after it.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, returned := starts(t, time.Second, tt.took)
			if !slices.Equal(got, tt.want) || returned != tt.returned {
				t.Errorf("period 1s, jobs taking %v:\n"+
					"the jobs started at %v and Every returned at %v;\n"+
					"want               %v and %v.\n%s",
					tt.took, got, returned, tt.want, tt.returned, tt.why)
			}
		})
	}
}

func TestNoJobs(t *testing.T) {
	_, returned := starts(t, time.Second, nil)
	if returned != 0 {
		t.Errorf("Every(0, 1s, job) returned after %v; want at once", returned)
	}
}
