//go:build race

package sim_test

import (
	"testing"

	"github.com/gocourse/gocourse/sim"
	simsync "github.com/gocourse/gocourse/sim/sync"
	simtime "github.com/gocourse/gocourse/sim/time"
)

// These bodies are race-free only by the edges sim tells the race detector
// (race.md): explored with Options.Race, ThreadSanitizer must stay silent —
// the testing package fails a test during which it reports anything — and
// every run must pass.
var raceFreeBodies = map[string]func(){
	"unbuffered receive before send completes": func() {
		ch := sim.MakeChan[int](0)
		x := 0
		sim.Go(func() { x = 1; ch.Recv() })
		ch.Send(0)
		_ = x
	},
	"k+C with C=1": func() {
		lock := sim.MakeChan[struct{}](1)
		done := sim.MakeChan[bool](3)
		n := 0
		for range 3 {
			sim.Go(func() {
				lock.Send(struct{}{})
				n++
				lock.Recv()
				done.Send(true)
			})
		}
		for range 3 {
			done.Recv()
		}
		_ = n
	},
	"k+C with C=2, parked senders": func() {
		slots := sim.MakeChan[int](2)
		ready := sim.MakeChan[int](0)
		var bufs [2]int
		sim.Go(func() {
			for k := range 6 {
				slots.Send(k)
				bufs[k%2] = k
				ready.Send(k)
			}
			ready.Close()
		})
		for k := range ready.Range() {
			_ = bufs[k%2]
			slots.Recv()
		}
	},
	"close broadcast and select": func() {
		start := sim.MakeChan[struct{}](0)
		out := sim.MakeChan[int](2)
		v := 0
		for range 2 {
			sim.Go(func() {
				var ok bool
				switch sim.Select(false, sim.RecvCase(start, nil, &ok)) {
				case 0:
					out.Send(v)
				}
			})
		}
		v = 7
		start.Close()
		out.Recv()
		out.Recv()
	},
	"mutex, waitgroup, once": func() {
		var mu simsync.Mutex
		var wg simsync.WaitGroup
		var once simsync.Once
		total, cfg := 0, 0
		for range 3 {
			wg.Add(1)
			sim.Go(func() {
				defer wg.Done()
				once.Do(func() { cfg = 5 })
				mu.Lock()
				total += cfg
				mu.Unlock()
			})
		}
		wg.Wait()
		_ = total
	},
	"timer carries its starter's writes": func() {
		x := 0
		done := sim.MakeChan[int](0)
		x = 3
		simtime.AfterFunc(simtime.Millisecond, func() { done.Send(x) })
		t := simtime.NewTimer(2 * simtime.Millisecond)
		y := 0
		sim.Go(func() { t.C.Recv(); _ = y })
		done.Recv()
	},
}

func TestRaceFreeBodiesUnderRace(t *testing.T) {
	for name, body := range raceFreeBodies {
		t.Run(name, func(t *testing.T) {
			for _, strat := range []sim.Strategy{sim.PCT(3, 1), sim.DFS(2)} {
				rep := sim.Explore(body, sim.Config{Strategy: strat, Schedules: 500, Options: sim.Options{Race: true}})
				if rep.Failed() {
					t.Fatalf("%s", rep)
				}
			}
		})
	}
}
