package earlyclose

import (
	"slices"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// squares calls Squares, but gives up after a while instead of hanging: a
// pool whose workers wait for each other never returns. (Under the
// simulator the clock is virtual, so giving up costs no real time.)
func squares(t *testing.T, nums []int, workers int) []int {
	t.Helper()
	done := make(chan []int, 1)
	go func() { done <- Squares(nums, workers) }()
	select {
	case out := <-done:
		slices.Sort(out)
		return out
	case <-time.After(10 * time.Second):
		t.Fatalf("Squares(%v, %d workers) did not return: every goroutine of the pool is waiting.\n"+
			"Are the workers waiting to send results that nobody reads yet?", nums, workers)
		return nil
	}
}

func TestSquaresTwoWorkers(t *testing.T) {
	defer goleak.VerifyNone(t)
	got := squares(t, []int{1, 2}, 2)
	if want := []int{1, 4}; !slices.Equal(got, want) {
		t.Errorf("Squares([1 2], 2 workers) gave %v (sorted); want %v.\n"+
			"A result is missing when results is closed before the last worker has sent its last square.",
			got, want)
	}
}

func TestSquaresManyWorkers(t *testing.T) {
	defer goleak.VerifyNone(t)
	nums := make([]int, 100)
	want := make([]int, 100)
	for i := range nums {
		nums[i] = i
		want[i] = i * i
	}
	for range 20 {
		if got := squares(t, nums, 8); !slices.Equal(got, want) {
			t.Fatalf("Squares(0..99, 8 workers) gave %d squares; want all 100", len(got))
		}
	}
}

func TestSquaresNothing(t *testing.T) {
	defer goleak.VerifyNone(t)
	if got := squares(t, nil, 3); len(got) != 0 {
		t.Errorf("Squares(nil, 3) = %v; want no squares", got)
	}
}
