package time_test

import (
	"testing"

	"github.com/gocourse/gocourse/sim"
	simtime "github.com/gocourse/gocourse/sim/time"
)

// As in Go 1.23+, a live ticker (or timer) whose channel nobody waits on keeps
// no timer going: a program blocked everywhere else is deadlocked, not a clock
// that ticks forever.
func TestUnwatchedTickerIsNoReprieve(t *testing.T) {
	r := sim.Run(func() {
		tk := simtime.NewTicker(simtime.Second)
		defer tk.Stop()
		tm := simtime.NewTimer(simtime.Hour)
		defer tm.Stop()
		sim.MakeChan[int](0).Named("never").Recv()
	}, sim.Options{})
	if r.Outcome != sim.Deadlock {
		t.Fatalf("outcome %v (%s), want deadlock", r.Outcome, r.Message)
	}
	// A goroutine that does wait on the ticker keeps time going.
	r = sim.Run(func() {
		tk := simtime.NewTicker(simtime.Second)
		defer tk.Stop()
		for range 3 {
			tk.C.Recv()
		}
	}, sim.Options{})
	if r.Outcome != sim.Pass || r.TimeNS != int64(3*simtime.Second) {
		t.Fatalf("outcome %v at %d ns, want pass at 3s", r.Outcome, r.TimeNS)
	}
}
