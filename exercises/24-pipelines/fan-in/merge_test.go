package fanin

import (
	"context"
	"slices"
	"testing"

	"go.uber.org/goleak"
)

// source sends vals on a new channel and closes it; when ctx is done it
// stops early (and closes it too).
func source(ctx context.Context, vals ...int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, v := range vals {
			select {
			case ch <- v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return ch
}

// TestMergeAll: every value of every input comes out, each input's in
// order, and then the output is closed.
func TestMergeAll(t *testing.T) {
	defer goleak.VerifyNone(t)
	ctx := context.Background()
	a, b, c := []int{1, 2, 3}, []int{10, 20}, []int{}
	var got []int
	for v := range Merge(ctx, source(ctx, a...), source(ctx, b...), source(ctx, c...)) {
		got = append(got, v)
	}
	var fromA, fromB []int
	for _, v := range got {
		if v < 10 {
			fromA = append(fromA, v)
		} else {
			fromB = append(fromB, v)
		}
	}
	if !slices.Equal(fromA, a) || !slices.Equal(fromB, b) {
		t.Fatalf("Merge of %v, %v and %v sent %v before closing: want every value, each input's in order.\n"+
			"Is the output closed only after the LAST input is done (see \"Fan-out, fan-in\")?", a, b, c, got)
	}
}

// TestMergeNone: no inputs, a closed output.
func TestMergeNone(t *testing.T) {
	defer goleak.VerifyNone(t)
	for v := range Merge(context.Background()) {
		t.Fatalf("Merge() with no inputs sent %d", v)
	}
}

// TestMergeCancel: the consumer takes one value, cancels, and stops
// reading. The inputs never close by themselves.
func TestMergeCancel(t *testing.T) {
	before := goleak.IgnoreCurrent()
	ctx, cancel := context.WithCancel(context.Background())
	forever := func() <-chan int { // an input that sends 7 until ctx is done
		ch := make(chan int)
		go func() {
			defer close(ch)
			for {
				select {
				case ch <- 7:
				case <-ctx.Done():
					return
				}
			}
		}()
		return ch
	}
	out := Merge(ctx, forever(), forever())
	if v, ok := <-out; !ok || v != 7 {
		t.Fatalf("the first value of Merge of two inputs sending 7 was %d (open: %v), want 7", v, ok)
	}
	cancel()
	if err := goleak.Find(before); err != nil {
		t.Fatalf("after cancel, with nobody reading the output any more, goroutines of the pipeline are still\n"+
			"parked: every wait of a forwarding goroutine, the send included, must also wait for ctx.Done()\n"+
			"(see \"Cancelling a pipeline\").\n%v", err)
	}
}
