package lessons

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
)

// The costs lesson 06 compares: a hand-off between two goroutines over an
// unbuffered channel, and a plain function call. Figures are in BENCHMARKS.md.

// BenchmarkHandoff bounces a value between two goroutines over two unbuffered
// channels; each iteration is two hand-offs (park, wake, switch), and ns/handoff
// is half of ns/op.
func BenchmarkHandoff(b *testing.B) {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v
		}
		close(pong)
	}()
	for i := 0; b.Loop(); i++ {
		ping <- i
		<-pong
	}
	close(ping)
	<-pong
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(2*b.N), "ns/handoff")
}

//go:noinline
func called(x int) int { return x + 1 }

// BenchmarkCall is a function call the compiler may not inline.
func BenchmarkCall(b *testing.B) {
	x := 0
	for b.Loop() {
		x = called(x)
	}
	sink = x
}

var sink int

// The cost lesson 02 compares: four computing goroutines on one P and on two.
// Run with -cpu 1,2: on an idle two-core machine ns/op at -cpu 2 is about half
// of ns/op at -cpu 1 (CPU-bound work goes faster only with more cores); a busy
// machine narrows the gap. Figures are in BENCHMARKS.md.

// spin computes for rounds steps of a linear congruential generator and
// returns the result, so that the compiler cannot skip the work.
func spin(rounds int) uint64 {
	x := uint64(1)
	for range rounds {
		x = x*6364136223846793005 + 1442695040888963407
	}
	return x
}

// BenchmarkFourComputingTasks runs four goroutines that each compute for a
// while, and waits for all of them: lesson 02's cpu-vs-io, its computing half.
func BenchmarkFourComputingTasks(b *testing.B) {
	var results [4]uint64
	for b.Loop() {
		var wg sync.WaitGroup
		for i := range results {
			wg.Go(func() { results[i] = spin(1_000_000) })
		}
		wg.Wait()
	}
	sink = int(results[0] & 1)
}

// The costs lessons 19 and 20 compare. Figures are in BENCHMARKS.md.

// BenchmarkAtomicAdd is an uncontended atomic add (lesson 20: "a few
// nanoseconds").
func BenchmarkAtomicAdd(b *testing.B) {
	var n atomic.Int64
	for b.Loop() {
		n.Add(1)
	}
	sink = int(n.Load())
}

// BenchmarkAtomicAddContended is the same add from GOMAXPROCS goroutines on
// one word at once (lesson 20: under contention the cache line holding it
// moves from core to core, and an add costs about as much as a lock nobody
// else holds, BenchmarkLockUnlock). Run with -cpu 1,2: at -cpu 1 there is no
// contention, at -cpu 2 two cores fight over the word.
func BenchmarkAtomicAddContended(b *testing.B) {
	var n atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			n.Add(1)
		}
	})
	sink = int(n.Load())
}

// readMostly is a few instructions of reading under a lock: lesson 19's case
// where a plain Mutex is often as fast as an RWMutex, or faster.
var readMostly = map[string]int{"a": 1, "b": 2, "c": 3}

// BenchmarkReadUnderMutex reads the map under a sync.Mutex from GOMAXPROCS
// goroutines at once.
func BenchmarkReadUnderMutex(b *testing.B) {
	var mu sync.Mutex
	b.RunParallel(func(pb *testing.PB) {
		s := 0
		for pb.Next() {
			mu.Lock()
			s += readMostly["b"]
			mu.Unlock()
		}
		_ = s
	})
}

// BenchmarkReadUnderRWMutex is the same read under RLock.
func BenchmarkReadUnderRWMutex(b *testing.B) {
	var mu sync.RWMutex
	b.RunParallel(func(pb *testing.PB) {
		s := 0
		for pb.Next() {
			mu.RLock()
			s += readMostly["b"]
			mu.RUnlock()
		}
		_ = s
	})
}

// BenchmarkLockUnlock is a lock that nobody else holds, taken and released
// (lesson 22: "about as much as a couple of function calls"; a request to an
// owner goroutine is two hand-offs, BenchmarkHandoff's ns/op).
func BenchmarkLockUnlock(b *testing.B) {
	var mu sync.Mutex
	n := 0
	for b.Loop() {
		mu.Lock()
		n++
		mu.Unlock()
	}
	sink = n
}

// The memory lesson 01 states for a parked goroutine: its stack (2 KiB to start
// with) and the runtime's bookkeeping for it (the g, its sudog while parked).

// BenchmarkParkedGoroutineMemory parks b.N goroutines on one channel, as lesson
// 01's many-goroutines does, and reports how much more memory the runtime holds
// from the operating system per parked goroutine (runtime.MemStats.Sys, after a
// GC, so that what is still reachable is counted and garbage is not). Run it
// alone with -benchtime 100000x -count 1, for the lesson's hundred thousand in a
// new process: a second round in the same process parks its goroutines in
// memory the first one left to the runtime, and with stacks that start larger,
// since the runtime sizes new stacks by what it saw at the last GC (lesson 01).
func BenchmarkParkedGoroutineMemory(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	release := make(chan struct{})
	var parked, done sync.WaitGroup
	parked.Add(b.N)
	for range b.N {
		done.Go(func() {
			parked.Done()
			<-release
		})
	}
	parked.Wait()
	runtime.GC()
	runtime.ReadMemStats(&after)
	close(release)
	done.Wait()
	b.ReportMetric(float64(after.Sys-before.Sys)/float64(b.N)/1024, "KiB/goroutine")
	b.ReportMetric(float64(after.StackInuse-before.StackInuse)/float64(b.N)/1024, "stack-KiB/goroutine")
}
