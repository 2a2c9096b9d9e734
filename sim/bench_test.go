package sim_test

import (
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/gocourse/gocourse/sim"
)

// BenchmarkChanOp compares one channel operation that does not switch
// goroutines (send then receive on a buffered channel, by one goroutine) on
// a real channel and on a sim channel. ns/op is per channel operation. The
// sim side runs in runs of 1024 operations, so that every event is traced
// (the trace keeps at most 1<<17 events per run); the run set-up is
// included.
func BenchmarkChanOp(b *testing.B) {
	b.Run("real", func(b *testing.B) {
		c := make(chan int, 1)
		for i := 0; i < b.N; i += 2 {
			c <- i
			<-c
		}
	})
	b.Run("sim", func(b *testing.B) {
		// Explore traces every run but exports nothing when it passes.
		const perRun = 1024
		for done := 0; done < b.N; done += perRun {
			n := min(perRun, b.N-done)
			rep := sim.Explore(func() {
				c := sim.MakeChan[int](1)
				for i := 0; i < n; i += 2 {
					c.Send(i)
					c.Recv()
				}
			}, sim.Config{Schedules: 1})
			if rep.Failure != nil {
				b.Fatal(rep)
			}
		}
	})
	b.Run("sim-run-with-positions", func(b *testing.B) {
		// Run records file:line for every event and exports the trace.
		const perRun = 1024
		for done := 0; done < b.N; done += perRun {
			n := min(perRun, b.N-done)
			r := sim.Run(func() {
				c := sim.MakeChan[int](1)
				for i := 0; i < n; i += 2 {
					c.Send(i)
					c.Recv()
				}
			}, sim.Options{})
			if r.Outcome != sim.Pass || len(r.Trace) < n {
				b.Fatal(r)
			}
		}
	})
}

// threeByChanOps is 3 goroutines doing about 60 channel operations each: a
// producer, a doubling stage and the body as consumer.
func threeByChanOps() {
	src := sim.MakeChan[int](2)
	dst := sim.MakeChan[int](2)
	sim.Go(func() {
		for i := range 30 {
			src.Send(i)
		}
		src.Close()
	})
	sim.Go(func() {
		for v := range src.Range() {
			dst.Send(2 * v)
		}
		dst.Close()
	})
	sum := 0
	for v := range dst.Range() {
		sum += v
	}
	if sum != 870 {
		sim.Errorf("sum %d", sum)
	}
}

// BenchmarkSchedules runs complete schedules of threeByChanOps under the
// random strategy (a goroutine switch at most schedule points) and reports
// schedules/s and schedule points/s.
func BenchmarkSchedules(b *testing.B) {
	for _, st := range []struct {
		name string
		s    func() sim.Strategy
	}{
		{"random", func() sim.Strategy { return sim.Random(1) }},
		{"pct3", func() sim.Strategy { return sim.PCT(3, 1) }},
		{"dfs2", func() sim.Strategy { return sim.DFS(2) }},
	} {
		b.Run(st.name, func(b *testing.B) {
			start := time.Now()
			rep := sim.Explore(threeByChanOps, sim.Config{Strategy: st.s(), Schedules: b.N})
			el := time.Since(start).Seconds()
			if rep.Failure != nil {
				b.Fatal(rep)
			}
			b.ReportMetric(float64(rep.Schedules)/el, "schedules/s")
			b.ReportMetric(float64(rep.Steps)/el, "points/s")
			b.ReportMetric(float64(rep.Steps)/float64(rep.Schedules), "points/schedule")
		})
	}
}

// BenchmarkSchedulePoints measures the cost of one schedule point, in runs
// of 1024 points: "switching" is a ping-pong on an unbuffered channel where
// every receive and send parks and switches goroutines; "yield" is two
// goroutines calling Gosched under the random strategy (a switch about half
// of the time).
func BenchmarkSchedulePoints(b *testing.B) {
	const perRun = 1024
	bench := func(b *testing.B, body func(n int)) {
		for done := 0; done < b.N; done += perRun {
			n := min(perRun, b.N-done)
			rep := sim.Explore(func() { body(n) }, sim.Config{Schedules: 1, Seed: uint64(done)})
			if rep.Failure != nil {
				b.Fatal(rep)
			}
		}
	}
	b.Run("switching", func(b *testing.B) {
		bench(b, func(n int) {
			c := sim.MakeChan[int](0)
			sim.Go(func() {
				for range n / 2 {
					c.Recv()
				}
			})
			for i := range n / 2 {
				c.Send(i)
			}
		})
	})
	b.Run("yield", func(b *testing.B) {
		bench(b, func(n int) {
			sim.Go(func() {
				for range n / 2 {
					sim.Gosched()
				}
			})
			for range n / 2 {
				sim.Gosched()
			}
		})
	})
}

// TestMemoryFlat runs many schedules and checks that the heap and the
// number of goroutines do not grow. SIM_MEMORY_SCHEDULES sets how many
// (default 20000, 2000 with -short or -race; BENCHMARKS.md reports a run of
// 1,000,000).
func TestMemoryFlat(t *testing.T) {
	n := 20_000
	if testing.Short() || raceEnabled {
		n = 2_000
	}
	if v, err := strconv.Atoi(os.Getenv("SIM_MEMORY_SCHEDULES")); err == nil {
		n = v
	}
	body := func() {
		threeByChanOps()
		// an abandoned goroutine every run: unwound at the end
		sim.Go(func() { sim.MakeChan[int](0).Recv() })
	}
	heap := func() (uint64, int) {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc, runtime.NumGoroutine()
	}
	sim.Explore(body, sim.Config{Schedules: 1000}) // warm up buffers
	h0, g0 := heap()
	start := time.Now()
	done := 0
	for done < n {
		rep := sim.Explore(body, sim.Config{Seed: uint64(done), Schedules: min(10_000, n-done), KeepGoing: true})
		if rep.Failure == nil || rep.Failure.Outcome != sim.Leak {
			t.Fatalf("want a leak every run: %v", rep)
		}
		done += rep.Schedules
	}
	el := time.Since(start)
	h1, g1 := heap()
	t.Logf("%d schedules in %v: heap %d -> %d bytes, goroutines %d -> %d", done, el.Round(time.Millisecond), h0, h1, g0, g1)
	if g1 > g0 {
		t.Errorf("goroutines grew from %d to %d", g0, g1)
	}
	if h1 > h0+4<<20 {
		t.Errorf("heap grew from %d to %d", h0, h1)
	}
}
