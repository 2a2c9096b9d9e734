package parallelsum

import (
	"fmt"
	"runtime"
	"testing"

	"go.uber.org/goleak"
)

func TestSum(t *testing.T) {
	defer goleak.VerifyNone(t)
	tests := []struct {
		n, parts int
	}{
		{0, 1}, {1, 1}, {1, 4}, {10, 3}, {100, 1}, {100, 7}, {100_000, 2}, {100_000, 4}, {100_000, 16},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("1..%d/%d-parts", tt.n, tt.parts), func(t *testing.T) {
			nums := make([]int, tt.n)
			for i := range nums {
				nums[i] = i + 1
			}
			want := tt.n * (tt.n + 1) / 2
			// A lost update does not happen every time: try a few times.
			for range 5 {
				if got := Sum(nums, tt.parts); got != want {
					t.Fatalf("Sum(1..%d, %d parts) = %d with GOMAXPROCS=%d, want %d.\n"+
						"%d was lost: two goroutines updated the same total at the same time, and one update overwrote the other.",
						tt.n, tt.parts, got, runtime.GOMAXPROCS(0), want, want-got)
				}
			}
		})
	}
}
