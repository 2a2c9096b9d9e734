package promise

import (
	"fmt"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// TestSetThenGet: one goroutine, in order.
func TestSetThenGet(t *testing.T) {
	defer goleak.VerifyNone(t)
	p := New()
	if !p.Set("first") {
		t.Fatal("the first Set returned false, want true")
	}
	if p.Set("second") {
		t.Fatal("a second Set returned true, want false: only the first Set stores its value")
	}
	if got := p.Get(); got != "first" {
		t.Fatalf("Get() = %q after Set(\"first\"), Set(\"second\"); want \"first\"", got)
	}
}

// TestGetWaits: Get is called before Set, and must wait for it.
func TestGetWaits(t *testing.T) {
	defer goleak.VerifyNone(t)
	p := New()
	got := make(chan string)
	go func() { got <- p.Get() }()
	select {
	case v := <-got:
		t.Fatalf("Get returned %q before anything was Set; it must wait", v)
	case <-time.After(50 * time.Millisecond):
	}
	p.Set("late")
	if v := <-got; v != "late" {
		t.Fatalf("Get() = %q, want \"late\"", v)
	}
}

// TestRace: three goroutines Set, three Get, all at once. Exactly one Set
// wins, and every Get returns its value.
func TestRace(t *testing.T) {
	defer goleak.VerifyNone(t)
	p := New()
	wins := make(chan string, 3)
	gets := make(chan string, 3)
	for i := range 3 {
		go func() {
			v := fmt.Sprint("value ", i)
			if p.Set(v) {
				wins <- v
			} else {
				wins <- ""
			}
		}()
		go func() { gets <- p.Get() }()
	}
	winner := ""
	for range 3 {
		if w := <-wins; w != "" {
			if winner != "" {
				t.Fatalf("two Sets returned true (%q and %q); exactly one may win", winner, w)
			}
			winner = w
		}
	}
	if winner == "" {
		t.Fatal("no Set returned true; exactly one must win")
	}
	for range 3 {
		if g := <-gets; g != winner {
			t.Fatalf("Get() = %q, but the Set that won stored %q.\n"+
				"A Get that returns after the promise is marked set must see the value: write the value\n"+
				"first, then close (the close is synchronized before every receive that sees it).", g, winner)
		}
	}
}
