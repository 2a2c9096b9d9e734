package lessons

import "testing"

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
