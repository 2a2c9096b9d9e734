//go:build unix

package sim_test

import (
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/gocourse/gocourse/sim"
)

// fanIn is n goroutines that each send once on one unbuffered channel, and
// the body that receives the n values: every goroutine is started, parks on
// the send and is woken by the body's receive, so the run queue and the
// channel's wait queue hold up to n goroutines.
func fanIn(n int) func() {
	return func() {
		c := sim.MakeChan[int](0)
		for i := range n {
			sim.Go(func() { c.Send(i) })
		}
		sum := 0
		for range n {
			sum += c.Recv()
		}
		if sum != n*(n-1)/2 {
			sim.Errorf("sum %d, want %d", sum, n*(n-1)/2)
		}
	}
}

// BenchmarkScale explores one schedule of fanIn(n) under the random strategy
// (the default of Explore) for n = 10, 1,000, 10,000 and 100,000 goroutines,
// and reports schedule points per second (of wall time and of CPU time), the
// CPU time of a run, and bytes and allocations per simulated goroutine. Scheduling cost that does not grow with the number of
// goroutines shows as points/s that stay level from 10 to 100,000.
func BenchmarkScale(b *testing.B) {
	for _, n := range []int{10, 1_000, 10_000, 100_000} {
		b.Run("goroutines="+strconv.Itoa(n), func(b *testing.B) {
			body := fanIn(n)
			cfg := sim.Config{Schedules: 1, Options: sim.Options{MaxSteps: 10 * n}}
			b.ReportAllocs()
			var steps int
			var el, cpu time.Duration
			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			for i := 0; i < b.N; i++ {
				cfg.Seed = uint64(i)
				start, cpu0 := time.Now(), cpuTime()
				rep := sim.Explore(body, cfg)
				el += time.Since(start)
				cpu += cpuTime() - cpu0
				if rep.Failure != nil {
					b.Fatal(rep)
				}
				steps += rep.Steps
			}
			runtime.ReadMemStats(&m1)
			gs := float64(b.N) * float64(n)
			b.ReportMetric(float64(steps)/el.Seconds(), "points/s")
			b.ReportMetric(float64(steps)/cpu.Seconds(), "points/cpu-s")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/run")
			b.ReportMetric(float64(steps)/float64(b.N), "points/run")
			b.ReportMetric(float64(m1.TotalAlloc-m0.TotalAlloc)/gs, "B/goroutine")
			b.ReportMetric(float64(m1.Mallocs-m0.Mallocs)/gs, "allocs/goroutine")
		})
	}
}

// cpuTime is the CPU time (user and system) the process has used: on a
// machine shared with other work, a steadier measure than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkScaleMemory measures the memory a simulated goroutine holds while
// it is parked: n goroutines block on a send, the body waits until all of
// them have (sim.WaitIdle), and the heap and stacks in use then, less those
// before the run, are divided by n. It counts the goroutine's real
// goroutine (its stack), its G, its closure and its sudog, and the trace
// events recorded so far.
func BenchmarkScaleMemory(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		b.Run("goroutines="+strconv.Itoa(n), func(b *testing.B) {
			inUse := func() uint64 {
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				return m.HeapInuse + m.StackInuse
			}
			var perG float64
			for i := 0; i < b.N; i++ {
				runtime.GC()
				before := inUse()
				rep := sim.Explore(func() {
					c := sim.MakeChan[int](0)
					for i := range n {
						sim.Go(func() { c.Send(i) })
					}
					sim.WaitIdle()
					perG = float64(inUse()-before) / float64(n)
					for range n {
						c.Recv()
					}
				}, sim.Config{Schedules: 1, Seed: uint64(i), Options: sim.Options{MaxSteps: 10 * n}})
				if rep.Failure != nil {
					b.Fatal(rep)
				}
			}
			b.ReportMetric(perG, "peak-B/goroutine")
		})
	}
}
