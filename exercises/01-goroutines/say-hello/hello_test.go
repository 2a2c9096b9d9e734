package sayhello

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

var names = []string{"Ada", "Grace", "Ken", "Rob", "Robert"}

// TestGreetWaits holds every greeting for an hour of the test's fake clock,
// then checks how many greetings had finished when Greet returned. How long
// the greetings take is the test's to choose, not Greet's to guess: a Greet
// that waits for them cannot return while they are held, and a Greet that
// pauses for a fixed time returns while they are.
func TestGreetWaits(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		gate := make(chan struct{})
		var mu sync.Mutex
		var greeted []string
		greet := func(name string) {
			<-gate
			mu.Lock()
			greeted = append(greeted, name)
			mu.Unlock()
		}

		start := time.Now()
		returned := make(chan int)
		var after time.Duration
		go func() {
			Greet(names, greet)
			after = time.Since(start)
			mu.Lock()
			n := len(greeted)
			mu.Unlock()
			returned <- n
		}()

		// Wait until every goroutine of this test is blocked (the greetings at
		// the gate, and Greet either waiting for them or already returned), then
		// keep the greetings held for an hour.
		synctest.Wait()
		select {
		case n := <-returned:
			close(gate)
			why := "A Greet that waits for its goroutines cannot return while they run; one whose wg.Add runs inside the goroutine can: Wait may find the counter still at zero."
			if after > 0 {
				why = fmt.Sprintf("A pause of %v (time.Sleep, time.After) is a guess at how long the greetings take; here they took an hour.\n"+
					"Wait for the goroutines themselves: a sync.WaitGroup, or one message per goroutine on a channel.", after)
			}
			t.Fatalf("Greet returned after %v while the greetings were still running (%d of %d had finished).\n%s\n"+
				"Greet must wait for its goroutines, just as main must (see \"Why main must wait\").",
				after, n, len(names), why)
		case <-time.After(time.Hour):
		}
		close(gate)

		select {
		case n := <-returned:
			if n != len(names) {
				t.Fatalf("Greet returned when only %d of %d greetings had finished.\n"+
					"Greet must wait for its goroutines, just as main must (see \"Why main must wait\").",
					n, len(names))
			}
		case <-time.After(time.Minute):
			t.Fatalf("Greet did not return a minute after every greeting had finished.\n" +
				"Is it waiting for more goroutines than it started (a WaitGroup counter that never reaches zero)?")
		}
		slices.Sort(greeted)
		want := slices.Sorted(slices.Values(names))
		if !slices.Equal(greeted, want) {
			t.Errorf("greeted %q, want each of %q exactly once", greeted, want)
		}
	})
}

// TestGreetConcurrently makes every greeting wait until all of them have
// started. That only finishes if the greetings run at the same time, each
// in its own goroutine.
func TestGreetConcurrently(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		started := 0
		all := make(chan struct{})   // closed when every greeting has started
		abort := make(chan struct{}) // closed by the test when it gives up
		greet := func(name string) {
			mu.Lock()
			started++
			if started == len(names) {
				close(all)
			}
			mu.Unlock()
			select {
			case <-all:
			case <-abort:
			}
		}

		done := make(chan struct{})
		go func() {
			Greet(names, greet)
			close(done)
		}()

		select {
		case <-all:
		case <-time.After(time.Minute):
			mu.Lock()
			n := started
			mu.Unlock()
			close(abort)
			<-done
			t.Fatalf("only %d of %d greetings were running at the same time.\n"+
				"Greet must start every greeting in its own goroutine before it waits for any of them.",
				n, len(names))
		}
		select {
		case <-done:
		case <-time.After(time.Minute):
			close(abort)
			t.Fatalf("Greet did not return after every greeting had finished.")
		}
	})
}

func TestGreetNobody(t *testing.T) {
	defer goleak.VerifyNone(t)
	called := false
	Greet(nil, func(string) { called = true })
	if called {
		t.Errorf("Greet(nil, greet) called greet; there is nobody to greet")
	}
}
