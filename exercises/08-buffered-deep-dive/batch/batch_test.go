package batch

import (
	"fmt"
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// collect reads every batch until out is closed.
func collect(out <-chan []int) [][]int {
	var all [][]int
	for b := range out {
		all = append(all, b)
	}
	return all
}

func equal(a, b [][]int) bool { return slices.EqualFunc(a, b, slices.Equal) }

// TestBurst: seven values are already in the buffer, and in is closed.
func TestBurst(t *testing.T) {
	defer goleak.VerifyNone(t)
	in := make(chan int, 10)
	for v := 1; v <= 7; v++ {
		in <- v
	}
	close(in)
	got := collect(Batch(in, 3))
	want := [][]int{{1, 2, 3}, {4, 5, 6}, {7}}
	if !equal(got, want) {
		t.Fatalf("7 values waiting in the buffer, then closed, max 3: got batches %v, want %v.\n"+
			"After the first value of a batch, take every value that is ready without waiting, up to max;\n"+
			"a receive from a closed, drained channel gives a zero value with ok == false: it ends the last batch.",
			got, want)
	}
}

// TestTrickle: one value a second. Batch must not wait to fill a batch.
func TestTrickle(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		in := make(chan int)
		go func() {
			for v := 1; v <= 3; v++ {
				time.Sleep(time.Second)
				in <- v
			}
			close(in)
		}()
		start := time.Now()
		var got [][]int
		var at []time.Duration
		for b := range Batch(in, 3) {
			got = append(got, b)
			at = append(at, time.Since(start))
		}
		want := [][]int{{1}, {2}, {3}}
		s := time.Second
		if !equal(got, want) || !slices.Equal(at, []time.Duration{s, 2 * s, 3 * s}) {
			t.Fatalf("one value a second, max 3: got batches %v at %v, want %v at [1s 2s 3s].\n"+
				"A batch is sent as soon as nothing more is ready: Batch never waits to fill one.", got, at, want)
		}
	})
}

// TestParkedSenders: in is unbuffered and three senders are parked on it.
// Their values are ready: a receive takes one at once from sendq.
func TestParkedSenders(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		in := make(chan int)
		for v := 1; v <= 3; v++ {
			go func() { in <- v }()
		}
		synctest.Wait() // all three are parked in in's sendq

		out := Batch(in, 5)
		first := <-out
		var rest [][]int
		// The values Batch left with their senders must be taken before in is
		// closed, or the senders would panic: take them in later batches.
		for seen := len(first); seen < 3; {
			b, ok := <-out
			if !ok {
				break
			}
			rest = append(rest, b)
			seen += len(b)
		}
		close(in)
		rest = append(rest, collect(out)...)
		sorted := slices.Sorted(slices.Values(first))
		if !slices.Equal(sorted, []int{1, 2, 3}) || len(rest) != 0 {
			t.Fatalf("three senders parked on an unbuffered channel, max 5: got batches %v then %v,\n"+
				"want one batch with all three values. len(in) is 0 on an unbuffered channel, yet each\n"+
				"parked sender's value can be received at once (see \"Trying without blocking\").",
				first, rest)
		}
	})
}

// TestEmpty: in is closed at once. No batch at all, and out is closed.
func TestEmpty(t *testing.T) {
	defer goleak.VerifyNone(t)
	in := make(chan int)
	close(in)
	if got := collect(Batch(in, 3)); len(got) != 0 {
		t.Fatalf("in closed with no values: got batches %v, want none (never send an empty batch)", got)
	}
}

func Example() {
	in := make(chan int, 5)
	in <- 1
	in <- 2
	close(in)
	fmt.Println(collect(Batch(in, 5)))
	// Output: [[1 2]]
}
