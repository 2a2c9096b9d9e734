package workerpool

import (
	"fmt"
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// run calls Process in a synctest bubble, where time.Sleep takes no real
// time and the clock moves only when every goroutine waits: the times it
// returns are exact. Job "name:Ns" takes N seconds. It also reports the
// largest number of calls of work that were running at the same moment.
func run(t *testing.T, jobs []string, workers int) (results []string, took time.Duration, peak int) {
	synctest.Test(t, func(t *testing.T) {
		// The running count lives in a channel with room for one value:
		// take it, change it, put it back. No other goroutine can touch it
		// in between.
		running := make(chan int, 1)
		running <- 0
		maxSeen := 0
		work := func(job string) string {
			n := <-running + 1
			maxSeen = max(maxSeen, n)
			running <- n

			var name string
			var secs int
			fmt.Sscanf(job, "%1s:%ds", &name, &secs)
			time.Sleep(time.Duration(secs) * time.Second)

			running <- <-running - 1
			return "done " + job
		}
		start := time.Now()
		results = Process(jobs, workers, work)
		took = time.Since(start)
		n := <-running
		peak = maxSeen
		running <- n
		if n > 0 {
			time.Sleep(time.Hour) // let the abandoned work end before the bubble does
			t.Errorf("Process returned after %v while %d call(s) of work were still running.\n"+
				"It must wait until every worker has finished (close the queue, then wait for the workers),\n"+
				"not for a time that is long enough only when the jobs are short.", took, n)
		}
	})
	return results, took, peak
}

func jobsOf(secs ...int) []string {
	var jobs []string
	for i, s := range secs {
		jobs = append(jobs, fmt.Sprintf("%c:%ds", 'a'+i, s))
	}
	return jobs
}

func TestProcess(t *testing.T) {
	tests := []struct {
		name    string
		secs    []int
		workers int
		took    time.Duration
		why     string
	}{
		{"7 jobs of 1s, 3 workers", []int{1, 1, 1, 1, 1, 1, 1}, 3, 3 * time.Second,
			"three rounds: 3 jobs, 3 jobs, then the last one"},
		{"uneven jobs, 2 workers", []int{3, 1, 1, 1, 2}, 2, 5 * time.Second,
			"a worker that finishes early takes the next job at once: while one worker does a (3s), the other does b, c and d (1s each); at 3s one of them starts e (2s)"},
		{"more workers than jobs", []int{2, 2}, 5, 2 * time.Second,
			"two jobs, both at once"},
		{"one worker", []int{1, 2, 3}, 1, 6 * time.Second,
			"one worker does the jobs one after another"},
		{"no jobs", nil, 4, 0, "nothing to do"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := goleak.IgnoreCurrent()
			jobs := jobsOf(tt.secs...)
			got, took, peak := run(t, jobs, tt.workers)

			want := make([]string, len(jobs))
			for i, j := range jobs {
				want[i] = "done " + j
			}
			if !slices.Equal(got, want) {
				t.Errorf("Process returned %q; want %q (result i is work(jobs[i]))", got, want)
			}
			if wantPeak := min(tt.workers, len(jobs)); peak != wantPeak {
				t.Errorf("the most calls of work running at the same moment was %d; want %d (%d workers, each doing one job at a time)",
					peak, wantPeak, tt.workers)
			}
			if took != tt.took {
				t.Errorf("Process took %v on the fake clock; want exactly %v (%s)", took, tt.took, tt.why)
			}
			if err := goleak.Find(before); err != nil {
				t.Errorf("Process returned but left goroutines behind: does every worker end, and does Process wait for it?\n%v", err)
			}
		})
	}
}
