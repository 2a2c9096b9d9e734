package debounce

import (
	"fmt"
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// Inside synctest.Test the clock is fake: the times below are exact.

// emit is an event sent at a time after the start.
type emit struct {
	What string
	At   time.Duration
}

func (e emit) String() string { return fmt.Sprintf("%s@%v", e.What, e.At) }

// run sends the events at their times, closes the channel at closeAt, and
// returns what came out of Debounce and when, then "closed" and when.
func run(t *testing.T, in []emit, closeAt time.Duration, quiet time.Duration) []emit {
	var got []emit
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		events := make(chan string)
		go func() {
			for _, e := range in {
				time.Sleep(time.Until(start.Add(e.At)))
				events <- e.What
			}
			time.Sleep(time.Until(start.Add(closeAt)))
			close(events)
		}()
		for e := range Debounce(events, quiet) {
			got = append(got, emit{e, time.Since(start)})
		}
		got = append(got, emit{"closed", time.Since(start)})
	})
	return got
}

func TestBurst(t *testing.T) {
	in := []emit{{"a", 0}, {"b", 100 * time.Millisecond}, {"c", 200 * time.Millisecond}, {"d", 1200 * time.Millisecond}}
	got := run(t, in, 2*time.Second, 300*time.Millisecond)
	want := []emit{{"c", 500 * time.Millisecond}, {"d", 1500 * time.Millisecond}, {"closed", 2 * time.Second}}
	if !slices.Equal(got, want) {
		t.Fatalf("events %v, closed at 2s, quiet 300ms:\nout gave %v\nwant     %v\n"+
			"a, b, c are one burst: c comes out 300ms after c arrived, at 500ms. d is a burst of its own.",
			in, got, want)
	}
}

func TestQuietBetween(t *testing.T) {
	in := []emit{{"a", 0}, {"b", 400 * time.Millisecond}}
	got := run(t, in, time.Second, 300*time.Millisecond)
	want := []emit{{"a", 300 * time.Millisecond}, {"b", 700 * time.Millisecond}, {"closed", time.Second}}
	if !slices.Equal(got, want) {
		t.Fatalf("events %v, closed at 1s, quiet 300ms:\nout gave %v\nwant     %v", in, got, want)
	}
}

func TestCloseFlushes(t *testing.T) {
	in := []emit{{"a", 0}, {"b", 100 * time.Millisecond}}
	got := run(t, in, 200*time.Millisecond, time.Second)
	want := []emit{{"b", 200 * time.Millisecond}, {"closed", 200 * time.Millisecond}}
	if !slices.Equal(got, want) {
		t.Fatalf("events %v, closed at 200ms, quiet 1s:\nout gave %v\nwant     %v\n"+
			"When events is closed, the event still waiting (b) is passed on at once, then out is closed.",
			in, got, want)
	}
}

func TestNothing(t *testing.T) {
	got := run(t, nil, time.Second, 300*time.Millisecond)
	if want := []emit{{"closed", time.Second}}; !slices.Equal(got, want) {
		t.Fatalf("no events, closed at 1s: out gave %v; want %v", got, want)
	}
}
