package sim_test

import (
	"testing"

	"github.com/gocourse/gocourse/sim"
)

// A run of many goroutines parked on one channel is traced whole when its
// steps are allowed (more events than the trace's usual bound), and each
// event names at most sim.TraceQueueIDs of the channel's waiters and counts
// the rest: a trace linear in the run, not n² goroutine ids.
func TestTraceOfManyGoroutinesIsWholeAndLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 50,000 goroutines")
	}
	const n = 50_000 // 3n events: more than the trace keeps by default
	res := sim.Run(fanIn(n), sim.Options{MaxSteps: 10 * n})
	if res.Outcome != sim.Pass {
		t.Fatalf("%v", res)
	}
	gos, sends, longest := 0, 0, 0
	for _, e := range res.Trace {
		if e.Op == "go" {
			gos++
		}
		if e.Op == "park" && e.Chan != "" {
			sends++
		}
		if len(e.SendQ) > sim.TraceQueueIDs || len(e.RecvQ) > sim.TraceQueueIDs {
			t.Fatalf("event %d names %d and %d waiters, more than %d: %v", e.Seq, len(e.SendQ), len(e.RecvQ), sim.TraceQueueIDs, e)
		}
		longest = max(longest, len(e.SendQ)+e.SendQMore)
	}
	if gos != n {
		t.Errorf("the trace has %d go events, want %d: it was cut short", gos, n)
	}
	if sends == 0 || longest <= sim.TraceQueueIDs {
		t.Errorf("%d sends parked, longest send queue %d: the test does not exercise a long queue", sends, longest)
	}
}
