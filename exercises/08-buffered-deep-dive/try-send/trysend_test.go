package trysend

import (
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// TestOfferAlone: one goroutine, a queue with room for two.
func TestOfferAlone(t *testing.T) {
	defer goleak.VerifyNone(t)
	q := make(chan string, 2)
	for i, want := range []bool{true, true, false, false} {
		if got := Offer(q, fmt.Sprint("event ", i)); got != want {
			t.Fatalf("offer %d of 4 to a queue with room for 2: Offer returned %v, want %v", i+1, got, want)
		}
	}
	if len(q) != 2 {
		t.Fatalf("after Offer accepted 2 events, the queue holds %d", len(q))
	}
}

// TestConcurrentOffers: three goroutines offer one event each to a queue
// with room for two. Exactly two must be accepted, and nobody may block.
func TestConcurrentOffers(t *testing.T) {
	defer goleak.VerifyNone(t)
	q := make(chan string, 2)
	results := make(chan bool, 3)
	for i := range 3 {
		go func() { results <- Offer(q, fmt.Sprint("event ", i)) }()
	}
	accepted := 0
	for range 3 {
		select {
		case ok := <-results:
			if ok {
				accepted++
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("an Offer has not returned after 10s: it is blocked on a send to a full queue.\n" +
				"It saw a free slot with len(q) < cap(q), but by the time it sent, another goroutine had\n" +
				"taken that slot. A check with len is out of date as soon as it is made (see \"len and\n" +
				"cap are snapshots\"): let the send itself decide, with select and default.")
		}
	}
	if accepted != 2 || len(q) != 2 {
		t.Fatalf("3 concurrent offers to a queue with room for 2: %d accepted, queue holds %d; want 2 and 2",
			accepted, len(q))
	}
}

// TestOfferToWaitingReceiver: an unbuffered channel has no room at all,
// but a receiver parked on it takes a value at once.
func TestOfferToWaitingReceiver(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		q := make(chan string)
		got := make(chan string, 1)
		go func() { got <- <-q }()
		synctest.Wait() // the receiver is parked in q's recvq

		if !Offer(q, "hello") {
			close(q) // release the receiver before failing
			t.Fatalf("Offer on an unbuffered channel with a receiver waiting returned false, want true:\n" +
				"len and cap are 0, but a parked receiver takes the value directly (see \"The rules, precisely\").")
		}
		if v := <-got; v != "hello" {
			t.Fatalf("the receiver got %q, want \"hello\"", v)
		}
		if Offer(q, "nobody") {
			t.Fatalf("Offer on an unbuffered channel with nobody waiting returned true; the value went nowhere")
		}
	})
}
