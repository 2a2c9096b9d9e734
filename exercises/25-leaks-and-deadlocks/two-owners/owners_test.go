package twoowners

import (
	"testing"
	"time"

	"go.uber.org/goleak"
)

// TestOneAtATime: sums asked one after another.
func TestOneAtATime(t *testing.T) {
	defer goleak.VerifyNone(t)
	x, y := Pair(3, 4)
	if got := x.Sum(); got != 7 {
		t.Fatalf("x.Sum() with x = 3, y = 4 is %d, want 7", got)
	}
	if got := y.Sum(); got != 7 {
		t.Fatalf("y.Sum() with x = 3, y = 4 is %d, want 7", got)
	}
	if got := y.Value(); got != 4 {
		t.Fatalf("y.Value() = %d, want 4", got)
	}
	x.Stop()
	y.Stop()
}

// TestBothAtOnce: each owner is asked for its sum at the same time.
func TestBothAtOnce(t *testing.T) {
	defer goleak.VerifyNone(t)
	x, y := Pair(3, 4)
	sums := make(chan int, 2)
	go func() { sums <- x.Sum() }()
	go func() { sums <- y.Sum() }()
	for range 2 {
		select {
		case s := <-sums:
			if s != 7 {
				t.Fatalf("a Sum returned %d, want 7", s)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("x.Sum() and y.Sum() asked at the same time did not both return within 10s.\n" +
				"Each owner is parked sending its question to the other, and neither receives any more:\n" +
				"a cycle of waits (see \"Channels deadlock too\").")
		}
	}
	x.Stop()
	y.Stop()
}
