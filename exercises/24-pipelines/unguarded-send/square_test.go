package unguardedsend

import (
	"context"
	"slices"
	"testing"

	"go.uber.org/goleak"
)

// gen is the first stage: it sends 1, 2, ..., n, and stops early when ctx
// is done, whether it is waiting to send or not.
func gen(ctx context.Context, n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			select {
			case out <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

const leakHelp = "After cancel, the consumer reads nothing more; every stage must still end.\n" +
	"A goroutine parked on a send that nobody will ever receive leaks (see \"Cancelling a pipeline\"):\n%v"

// TestAll: without cancellation, every square comes out, in order, and the
// stage closes its output.
func TestAll(t *testing.T) {
	defer goleak.VerifyNone(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var got []int
	for v := range Square(ctx, gen(ctx, 5)) {
		got = append(got, v)
	}
	if want := []int{1, 4, 9, 16, 25}; !slices.Equal(got, want) {
		t.Fatalf("Square(1..5) sent %v, want %v", got, want)
	}
}

// TestStopEarly: the consumer takes one value, cancels, and goes away.
func TestStopEarly(t *testing.T) {
	before := goleak.IgnoreCurrent()
	ctx, cancel := context.WithCancel(context.Background())
	sq := Square(ctx, gen(ctx, 3))
	if v := <-sq; v != 1 {
		t.Fatalf("the first value of Square(1..3) is %d, want 1", v)
	}
	cancel() // no more values wanted; nobody reads sq any more
	if err := goleak.Find(before); err != nil {
		t.Fatalf(leakHelp, err)
	}
}

// TestCancelFirst: the pipeline is cancelled before anybody reads.
func TestCancelFirst(t *testing.T) {
	before := goleak.IgnoreCurrent()
	ctx, cancel := context.WithCancel(context.Background())
	Square(ctx, gen(ctx, 3))
	cancel()
	if err := goleak.Find(before); err != nil {
		t.Fatalf(leakHelp, err)
	}
}
