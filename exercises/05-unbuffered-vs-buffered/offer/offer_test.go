package offer

import (
	"testing"
	"testing/synctest"
)

// Each test runs in a synctest bubble: if every goroutine in it waits for
// ever, synctest.Test fails with "deadlock", at once, instead of hanging.

// TestTwoOffersOnePlace: two goroutines offer a job each to a queue with one
// free place and nobody reading. Exactly one must succeed, and neither may
// wait.
func TestTwoOffersOnePlace(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		queue := make(chan int, 1)
		accepted := make(chan bool, 2)
		for job := range 2 {
			go func() { accepted <- Offer(queue, job) }()
		}
		noneWaits(t, queue, accepted, 2)
		a, b := <-accepted, <-accepted
		if a == b {
			t.Fatalf("two Offers to one free place returned %v and %v; exactly one must succeed", a, b)
		}
		if len(queue) != 1 {
			t.Fatalf("after the two Offers the queue holds %d jobs; want 1", len(queue))
		}
	})
}

// noneWaits fails the test if, once every goroutine of the bubble has gone
// as far as it can, fewer than n Offers have returned: the others wait on a
// send to a queue that is full. It makes room for them first, so that the
// bubble ends cleanly.
func noneWaits(t *testing.T, queue chan int, accepted chan bool, n int) {
	t.Helper()
	synctest.Wait()
	waiting := n - len(accepted)
	if waiting == 0 {
		return
	}
	for len(accepted) < n {
		<-queue
		synctest.Wait()
	}
	t.Fatalf("%d Offer(s) to a queue with %d free place(s) were still waiting for room after the others had returned.\n"+
		"An Offer looked, saw a free place, and sent after another goroutine had taken it: between the look\n"+
		"and the send the queue can change. Offer must never wait: make the look and the send one step.",
		waiting, cap(queue))
}

// TestManyOffers: eight goroutines, three places, a few rounds.
func TestManyOffers(t *testing.T) {
	for range 50 {
		synctest.Test(t, func(t *testing.T) {
			queue := make(chan int, 3)
			accepted := make(chan bool, 8)
			for job := range 8 {
				go func() { accepted <- Offer(queue, job) }()
			}
			noneWaits(t, queue, accepted, 8)
			n := 0
			for range 8 {
				if <-accepted {
					n++
				}
			}
			if n != 3 {
				t.Fatalf("8 Offers to 3 free places: %d succeeded; want 3", n)
			}
		})
	}
}

// TestFullQueueDoesNotWait: with the queue full, Offer returns false at
// once; with a reader waiting on an unbuffered queue, it hands the job over.
func TestFullQueueDoesNotWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		queue := make(chan int, 1)
		queue <- 0
		if Offer(queue, 1) {
			t.Fatalf("Offer to a full queue returned true")
		}
		handoff := make(chan int)
		got := make(chan int)
		go func() { got <- <-handoff }()
		synctest.Wait() // the reader is parked on handoff
		if !Offer(handoff, 7) {
			handoff <- 7 // let the reader go, so that the bubble ends cleanly
			<-got
			t.Fatalf("Offer to an unbuffered queue with a reader waiting returned false; a send would not wait there.\n" +
				"len and cap of an unbuffered channel are always 0: they cannot see a waiting reader. A send can.")
		}
		if v := <-got; v != 7 {
			t.Fatalf("the reader got %d; want 7", v)
		}
	})
}
