package sim_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/sim"
)

func TestSmokePingPong(t *testing.T) {
	r := sim.Run(func() {
		ch := sim.MakeChan[int](0).Named("ch")
		done := sim.MakeChan[bool](0)
		sim.Go(func() {
			for v := range ch.Range() {
				fmt.Fprintln(sim.Stdout(), "got", v)
			}
			done.Send(true)
		})
		for i := range 3 {
			ch.Send(i)
		}
		ch.Close()
		done.Recv()
	}, sim.Options{Seed: 1})
	if r.Outcome != sim.Pass {
		t.Fatalf("%v", r)
	}
	if r.Output != "got 0\ngot 1\ngot 2\n" {
		t.Fatalf("output %q", r.Output)
	}
	for _, e := range r.Trace {
		t.Log(e)
	}
}

func TestSmokeDeadlock(t *testing.T) {
	r := sim.Run(func() {
		ch := sim.MakeChan[int](0).Named("jobs")
		ch.Send(1)
	}, sim.Options{})
	if r.Outcome != sim.Deadlock || !strings.Contains(r.String(), "smoke_test.go") {
		t.Fatalf("%v", r)
	}
	t.Log(r)
}
