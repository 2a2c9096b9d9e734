package firsterror

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// Inside synctest.Test the clock is fake: time.Sleep takes no real time, and
// time moves only when every goroutine waits. The times are exact.

// plan describes a run: how long each task takes and which ones fail.
type plan struct {
	took  []time.Duration // took[i]: how long task i runs
	fails map[int]bool    // the tasks that return an error
}

type result struct {
	err     error
	at      time.Duration // when Run returned
	started []int         // the tasks that started, sorted
	errs    []error       // errs[i] is what task i returned (nil if it did not run)
}

func (p plan) run(t *testing.T, workers int) result {
	var r result
	r.errs = make([]error, len(p.took))
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		start := time.Now()
		r.err = Run(len(p.took), workers, func(i int) error {
			mu.Lock()
			r.started = append(r.started, i)
			mu.Unlock()
			time.Sleep(p.took[i])
			if p.fails[i] {
				err := fmt.Errorf("task %d failed at %v", i, time.Since(start))
				mu.Lock()
				r.errs[i] = err
				mu.Unlock()
				return err
			}
			return nil
		})
		r.at = time.Since(start)
	})
	slices.Sort(r.started)
	return r
}

func TestRunStopsAtTheFirstError(t *testing.T) {
	defer goleak.VerifyNone(t)
	s := time.Second
	// Two workers. Timeline:
	//   t=0s  worker A starts task 0 (1s), worker B starts task 1 (3s)
	//   t=1s  A starts task 2 (1s)
	//   t=2s  task 2 fails: no new task may start from now on
	//   t=3s  task 1 ends (it fails too, but later): Run returns task 2's error
	p := plan{
		took:  []time.Duration{s, 3 * s, s, s, s, s},
		fails: map[int]bool{1: true, 2: true},
	}
	r := p.run(t, 2)
	if t.Failed() {
		return
	}
	if want := []int{0, 1, 2}; !slices.Equal(r.started, want) {
		t.Errorf("the tasks %v started; want only %v: after task 2 failed at t=2s, no new task may start", r.started, want)
	}
	if r.err == nil || r.errs[2] == nil || !errors.Is(r.err, r.errs[2]) {
		why := ""
		if r.errs[1] != nil && errors.Is(r.err, r.errs[1]) {
			why = "\nTask 1 has the lower number, but task 2 failed first: return the first error in time."
		}
		t.Errorf("Run returned %v; want the error of task 2 (%v)%s", r.err, r.errs[2], why)
	}
	switch {
	case r.at < 3*s:
		t.Errorf("Run returned at t=%v, while task 1 was still running (until t=3s): wait for the running tasks", r.at)
	case r.at > 3*s:
		t.Errorf("Run returned at t=%v; want t=3s, when the last task that was running ended", r.at)
	}
}

func TestRunOtherWorkersStopToo(t *testing.T) {
	defer goleak.VerifyNone(t)
	s := time.Second
	// Three workers; task 1 fails at t=1s while tasks 0 and 2 run on until
	// t=2s and t=3s. The workers that did not fail must not start task 3.
	p := plan{
		took:  []time.Duration{2 * s, s, 3 * s, s, s},
		fails: map[int]bool{1: true},
	}
	r := p.run(t, 3)
	if want := []int{0, 1, 2}; !slices.Equal(r.started, want) {
		t.Errorf("the tasks %v started; want only %v: when task 1 failed at t=1s, the whole pool stops,\n"+
			"not only the worker whose task failed", r.started, want)
	}
	if r.err == nil || !errors.Is(r.err, r.errs[1]) {
		t.Errorf("Run returned %v; want the error of task 1", r.err)
	}
	if r.at != 3*s {
		t.Errorf("Run returned at t=%v; want t=3s, when task 2, the last one running, ended", r.at)
	}
}

func TestRunAllSucceed(t *testing.T) {
	defer goleak.VerifyNone(t)
	p := plan{took: slices.Repeat([]time.Duration{time.Second}, 5)}
	r := p.run(t, 2)
	if r.err != nil {
		t.Errorf("Run returned %v; no task failed, want nil", r.err)
	}
	if want := []int{0, 1, 2, 3, 4}; !slices.Equal(r.started, want) {
		t.Errorf("the tasks %v started; want every task, %v", r.started, want)
	}
	if r.at != 3*time.Second {
		t.Errorf("5 tasks of 1s on 2 workers: Run returned at t=%v; want t=3s", r.at)
	}
}

func TestRunFirstTaskFails(t *testing.T) {
	defer goleak.VerifyNone(t)
	s := time.Second
	// One worker: task 0 fails at t=1s, and nothing else may start.
	p := plan{took: []time.Duration{s, s, s}, fails: map[int]bool{0: true}}
	r := p.run(t, 1)
	if r.err == nil || !errors.Is(r.err, r.errs[0]) {
		t.Errorf("Run returned %v; want the error of task 0", r.err)
	}
	if want := []int{0}; !slices.Equal(r.started, want) {
		t.Errorf("the tasks %v started; want only task 0, which failed", r.started)
	}
	if r.at != s {
		t.Errorf("Run returned at t=%v; want t=1s, when task 0 failed", r.at)
	}
}
