package sim_test

import (
	"runtime"
	"strconv"
	"testing"

	"github.com/gocourse/gocourse/sim"
)

// A timer's event is drawn at the line that started the timer, not at
// whatever line the scheduler happened to be at when the clock moved (lesson
// 11's two-sources showed its 200ms timer at main's select).
func TestTimerEventCarriesTheLineThatStartedIt(t *testing.T) {
	var lineA, lineB int
	r := sim.Run(func() {
		c := sim.MakeChan[int](0)
		_, _, lineA, _ = runtime.Caller(0)
		sim.StartTimer(sim.Now()+200, func() { c.TrySend(1) })
		_, _, lineB, _ = runtime.Caller(0)
		sim.StartTimer(sim.Now()+100, func() {})
		c.Recv()
	}, sim.Options{})
	var got []string
	for _, e := range r.Trace {
		if e.Op == "timer" {
			got = append(got, e.Pos)
		}
	}
	want := []string{"timerpos_test.go:" + strconv.Itoa(lineB+1), "timerpos_test.go:" + strconv.Itoa(lineA+1)}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("timer events at %q, want %q", got, want)
	}
}
