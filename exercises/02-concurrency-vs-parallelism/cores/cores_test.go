package cores

import (
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

const s = time.Second

func cpu(d time.Duration) Step  { return Step{CPU: true, Dur: d} }
func wait(d time.Duration) Step { return Step{CPU: false, Dur: d} }

func repeat(t Task, n int) []Task {
	ts := make([]Task, n)
	for i := range ts {
		ts[i] = t
	}
	return ts
}

func describe(tasks []Task) string {
	var b strings.Builder
	for i, task := range tasks {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("[")
		for j, st := range task {
			if j > 0 {
				b.WriteString(" ")
			}
			kind := "wait"
			if st.CPU {
				kind = "cpu"
			}
			fmt.Fprintf(&b, "%s %v", kind, st.Dur)
		}
		b.WriteString("]")
	}
	return b.String()
}

// Each case is a timeline you can draw by hand; in every one the total does
// not depend on which waiting task gets a free core first.
var tests = []struct {
	name  string
	tasks []Task
	procs int
	want  time.Duration
	why   string
}{
	{"4 computing tasks on 1 core", repeat(Task{cpu(s)}, 4), 1, 4 * s,
		"one core: the tasks take turns"},
	{"4 computing tasks on 2 cores", repeat(Task{cpu(s)}, 4), 2, 2 * s,
		"two at a time"},
	{"4 computing tasks on 4 cores", repeat(Task{cpu(s)}, 4), 4, 1 * s,
		"all at once"},
	{"4 computing tasks on 8 cores", repeat(Task{cpu(s)}, 4), 8, 1 * s,
		"spare cores do not make a task faster"},
	{"4 waiting tasks on 1 core", repeat(Task{wait(s)}, 4), 1, 1 * s,
		"waiting needs no core, so all four waits overlap even on one core"},
	{"compute then wait, twice, on 1 core", repeat(Task{cpu(s), wait(s)}, 2), 1, 3 * s,
		"the second task computes while the first one waits"},
	{"one long wait and two computations on 1 core", []Task{{wait(2 * s)}, {cpu(s)}, {cpu(s)}}, 1, 2 * s,
		"the two computations share the core while the wait goes on beside them"},
	{"wait, compute, wait, three times, on 2 cores", repeat(Task{wait(s), cpu(2 * s), wait(s)}, 3), 2, 6 * s,
		"two compute from 1s to 3s, the third from 3s to 5s, then waits until 6s"},
}

func TestRun(t *testing.T) {
	defer goleak.VerifyNone(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The fake clock of a synctest bubble makes the timeline exact.
			synctest.Test(t, func(t *testing.T) {
				done := make(chan time.Duration)
				start := time.Now()
				go func() {
					Run(tt.tasks, tt.procs)
					done <- time.Since(start)
				}()
				select {
				case took := <-done:
					if took != tt.want {
						t.Errorf("Run(%s) with procs=%d took %v, want %v: %s.",
							describe(tt.tasks), tt.procs, took, tt.want, tt.why)
						if took > tt.want {
							t.Logf("Too slow: is a task holding a core while it waits?")
						} else {
							t.Logf("Too fast: are more than procs=%d tasks computing at once, or does Run return before the tasks finish?", tt.procs)
						}
					}
				case <-time.After(time.Hour):
					t.Fatalf("Run(%s) with procs=%d had not returned after an hour (of fake time): "+
						"is a core taken and never given back?", describe(tt.tasks), tt.procs)
				}
			})
		})
	}
}
