package barrier

import (
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// log records events of the goroutines in order, safely.
type log struct {
	mu     sync.Mutex
	events []string
}

func (l *log) add(format string, a ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, fmt.Sprintf(format, a...))
}

func (l *log) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.events...)
}

// TestParksUntilAllArrive: two of three goroutines arrive and must stay
// parked; the third arrives and all three return.
func TestParksUntilAllArrive(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := New(3)
		left := make(chan int, 3)
		for i := range 2 {
			go func() { b.Await(); left <- i }()
		}
		synctest.Wait() // both are parked in Await, or have (wrongly) returned
		if n := len(left); n != 0 {
			t.Errorf("with 2 of 3 goroutines arrived, %d returned from Await; want 0: they must wait for the third", n)
		}
		b.Await() // the third: it must not wait, and it releases the others
		synctest.Wait()
		if n := len(left); n != 2 {
			t.Fatalf("after the third goroutine arrived, %d of the 2 waiting ones returned; want both", n)
		}
	})
}

// TestRounds: three goroutines, five rounds. Nobody may leave round r
// before all three have arrived at round r.
func TestRounds(t *testing.T) {
	const n, rounds = 3, 5
	for range 20 {
		var l log
		synctest.Test(t, func(t *testing.T) {
			b := New(n)
			var wg sync.WaitGroup
			for range n {
				wg.Go(func() {
					for r := range rounds {
						l.add("arrive %d", r)
						b.Await()
						l.add("leave %d", r)
					}
				})
			}
			wg.Wait()
		})
		arrived := make([]int, rounds)
		events := l.all()
		for i, e := range events {
			var what string
			var r int
			fmt.Sscanf(e, "%s %d", &what, &r)
			if what == "arrive" {
				arrived[r]++
			} else if arrived[r] < n {
				t.Fatalf("a goroutine left round %d when only %d of %d had arrived at it.\nThe events up to then, in order: %v\n"+
					"Does Await park until the n-th arrival? And after the first round: is the barrier ready for\n"+
					"a new round before the goroutines of the previous one have left?",
					r, arrived[r], n, events[:i+1])
			}
		}
	}
}

// TestTiming: goroutine i works i seconds, then waits at the barrier.
// Everyone leaves when the slowest arrives: at 2s, on synctest's fake clock.
func TestTiming(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := New(3)
		start := time.Now()
		leftAt := make(chan time.Duration, 3)
		for i := range 3 {
			go func() {
				time.Sleep(time.Duration(i) * time.Second)
				b.Await()
				leftAt <- time.Since(start)
			}()
		}
		for range 3 {
			if at := <-leftAt; at != 2*time.Second {
				t.Errorf("a goroutine left the barrier at %v; want 2s, when the slowest one arrived", at)
			}
		}
	})
}
