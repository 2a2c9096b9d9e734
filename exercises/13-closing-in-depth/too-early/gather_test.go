package tooearly

import (
	"slices"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// gather calls Gather and fails the test if it does not return.
func gather(t *testing.T, producers []func(emit func(int))) []int {
	t.Helper()
	done := make(chan []int, 1)
	go func() { done <- Gather(producers) }()
	select {
	case all := <-done:
		slices.Sort(all)
		return all
	case <-time.After(5 * time.Second):
		t.Fatalf("Gather did not return within 5s. Is values ever closed, even when there are no producers?\n" +
			"Or does Gather wait for the producers before it receives anything, while they wait for a receiver?")
		return nil
	}
}

func emitter(vals ...int) func(emit func(int)) {
	return func(emit func(int)) {
		for _, v := range vals {
			emit(v)
		}
	}
}

func TestGatherTwo(t *testing.T) {
	defer goleak.VerifyNone(t)
	got := gather(t, []func(func(int)){emitter(1, 2), emitter(10)})
	if want := []int{1, 2, 10}; !slices.Equal(got, want) {
		t.Fatalf("Gather returned %v (sorted); want %v: every value of every producer", got, want)
	}
}

func TestGatherThree(t *testing.T) {
	defer goleak.VerifyNone(t)
	got := gather(t, []func(func(int)){emitter(1), emitter(), emitter(20, 30)})
	if want := []int{1, 20, 30}; !slices.Equal(got, want) {
		t.Fatalf("Gather returned %v (sorted); want %v: every value of every producer", got, want)
	}
}

func TestGatherNone(t *testing.T) {
	defer goleak.VerifyNone(t)
	if got := gather(t, nil); len(got) != 0 {
		t.Fatalf("Gather with no producers returned %v; want nothing", got)
	}
}
