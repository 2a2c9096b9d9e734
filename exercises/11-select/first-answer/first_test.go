package firstanswer

import (
	"errors"
	"fmt"
	"testing"
	"testing/synctest"
	"time"
)

// Inside synctest.Test the clock is fake: time moves only when every
// goroutine of the test waits, so the times below are exact, whatever the
// speed of the machine.

// replicas makes one replica per latency: replica i waits latency[i] and
// answers "replica i".
func replicas(latency []time.Duration) []func() string {
	var rs []func() string
	for i, d := range latency {
		rs = append(rs, func() string {
			time.Sleep(d)
			return fmt.Sprintf("replica %d", i)
		})
	}
	return rs
}

type answer struct {
	text string
	err  error
	at   time.Duration
}

// ask runs First in a bubble and returns what it returned and when. Then
// it lets the clock run until every replica has answered. synctest.Test
// fails with "blocked goroutines remain" if a goroutine started by First is
// still stuck after that: on a send that nobody will ever receive, say.
func ask(t *testing.T, latency []time.Duration, patience time.Duration) answer {
	var got answer
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		got.text, got.err = First(replicas(latency), patience)
		got.at = time.Since(start)

		slowest := time.Duration(0)
		for _, d := range latency {
			slowest = max(slowest, d)
		}
		time.Sleep(slowest) // every replica has answered by now
	})
	return got
}

func TestFastestWins(t *testing.T) {
	latency := []time.Duration{3 * time.Second, time.Second, 2 * time.Second}
	got := ask(t, latency, 10*time.Second)
	if t.Failed() {
		return
	}
	if got.err != nil || got.text != "replica 1" || got.at != time.Second {
		t.Fatalf("replicas answering after %v, patience 10s:\n"+
			"First returned %q, %v at t=%v;\nwant %q, <nil> at t=1s (the fastest replica, as soon as it answers).\n"+
			"Ask them all at once, then wait for whichever answers first.",
			latency, got.text, got.err, got.at, "replica 1")
	}
}

func TestGivesUpOnTime(t *testing.T) {
	latency := []time.Duration{3 * time.Second, 2 * time.Second}
	got := ask(t, latency, 1500*time.Millisecond)
	if t.Failed() {
		return
	}
	if !errors.Is(got.err, ErrTimeout) || got.text != "" || got.at != 1500*time.Millisecond {
		t.Fatalf("replicas answering after %v, patience 1.5s:\n"+
			"First returned %q, %v at t=%v;\nwant \"\", ErrTimeout at t=1.5s exactly.",
			latency, got.text, got.err, got.at)
	}
}

func TestSlowestLast(t *testing.T) {
	latency := []time.Duration{time.Second, 4 * time.Second, 500 * time.Millisecond}
	got := ask(t, latency, 2*time.Second)
	if t.Failed() {
		return
	}
	if got.err != nil || got.text != "replica 2" || got.at != 500*time.Millisecond {
		t.Fatalf("replicas answering after %v, patience 2s:\n"+
			"First returned %q, %v at t=%v;\nwant %q, <nil> at t=500ms.",
			latency, got.text, got.err, got.at, "replica 2")
	}
}

func TestNoReplicas(t *testing.T) {
	got := ask(t, nil, time.Second)
	if t.Failed() {
		return
	}
	if !errors.Is(got.err, ErrTimeout) || got.at != time.Second {
		t.Fatalf("no replicas, patience 1s: First returned %q, %v at t=%v; want \"\", ErrTimeout at t=1s",
			got.text, got.err, got.at)
	}
}
