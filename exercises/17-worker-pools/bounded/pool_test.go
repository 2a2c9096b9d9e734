package bounded

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// Inside synctest.Test the clock is fake: time.Sleep takes no real time and
// time moves only when every goroutine of the test waits. The times below
// are exact, whatever the machine.

// probe is an f that takes job seconds (at least one) and counts how many
// calls run at the same moment.
type probe struct {
	mu        sync.Mutex
	running   int
	most      int
	completed []int // jobs in the order their calls returned
}

func (p *probe) f(job int) int {
	p.mu.Lock()
	p.running++
	p.most = max(p.most, p.running)
	p.mu.Unlock()

	time.Sleep(time.Duration(max(job, 1)) * time.Second)

	p.mu.Lock()
	p.running--
	p.completed = append(p.completed, job)
	p.mu.Unlock()
	return job * 10
}

func TestMapUsesExactlyTheWorkers(t *testing.T) {
	defer goleak.VerifyNone(t)
	tests := []struct {
		workers, jobs int
		took          time.Duration
	}{
		{3, 7, 3 * time.Second}, // 3 + 3 + 1 jobs of 1s
		{2, 2, 1 * time.Second},
		{4, 1, 1 * time.Second},
		{1, 3, 3 * time.Second},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%d workers, %d jobs of 1s", tt.workers, tt.jobs)
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var p probe
				jobs := make([]int, tt.jobs)
				for i := range jobs {
					jobs[i] = 1
				}
				start := time.Now()
				Map(jobs, tt.workers, p.f)
				took := time.Since(start)

				want := min(tt.workers, tt.jobs)
				switch {
				case p.most > tt.workers:
					t.Errorf("with %s, %d calls of f ran at the same moment; at most %d may.\n"+
						"Start exactly workers goroutines that share the jobs, not one goroutine per job.",
						name, p.most, tt.workers)
				case p.most < want:
					t.Errorf("with %s, at most %d call(s) of f ran at the same moment; %d should have.\n"+
						"While jobs are left, every worker should be busy.", name, p.most, want)
				}
				if took != tt.took {
					t.Errorf("with %s, Map took %v; want %v", name, took, tt.took)
				}
			})
		})
	}
}

func TestMapKeepsTheOrderOfJobs(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		var p probe
		jobs := []int{3, 1, 2, 1} // seconds: job 0 finishes last
		start := time.Now()
		got := Map(jobs, 2, p.f)
		p.abandoned(t, time.Since(start))
		if want := []int{30, 10, 20, 10}; !slices.Equal(got, want) {
			t.Errorf("Map(%v, 2 workers) = %v; want %v.\n"+
				"out[i] must be f(jobs[i]), whatever order the calls finish in (here: jobs %v).",
				jobs, got, want, p.completed)
		}
	})
}

func TestMapNoJobs(t *testing.T) {
	defer goleak.VerifyNone(t)
	if got := Map(nil, 3, func(int) int { panic("f called without a job") }); len(got) != 0 {
		t.Errorf("Map(nil, 3, f) = %v; want an empty result", got)
	}
}

// TestMapWaitsForEveryJob: one job takes an hour of the bubble's fake clock.
// Map must not return before it has finished: how long the work takes is
// the test's to choose, not Map's to guess.
func TestMapWaitsForEveryJob(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		var p probe
		jobs := []int{1, 3600, 2}
		start := time.Now()
		got := Map(jobs, 2, p.f)
		took := time.Since(start)
		p.abandoned(t, took)
		if want := []int{10, 36000, 20}; !slices.Equal(got, want) || took != time.Hour {
			t.Errorf("Map(%v, 2 workers) = %v after %v; want %v after 1h0m0s", jobs, got, took, want)
		}
	})
}

// abandoned fails the test if calls of f are still running when Map has
// returned, after letting them end, so that the bubble can end cleanly.
func (p *probe) abandoned(t *testing.T, took time.Duration) {
	t.Helper()
	p.mu.Lock()
	running := p.running
	p.mu.Unlock()
	if running == 0 {
		return
	}
	time.Sleep(2 * time.Hour)
	t.Fatalf("Map returned after %v while %d call(s) of f were still running.\n"+
		"It must wait until every worker has finished (close the queue, then wait for the workers),\n"+
		"not for a time that is long enough only when the jobs are short.", took, running)
}
