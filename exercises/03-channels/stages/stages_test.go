package stages

import (
	"testing"
	"testing/synctest"
	"time"
)

// Each test runs in a synctest bubble: time.Sleep takes no real time and
// the clock moves only when every goroutine waits, so the times are exact.
// work squares a value and takes one second to do it.
func work(v int) int {
	time.Sleep(time.Second)
	return v * v
}

func TestPipeline(t *testing.T) {
	tests := []struct {
		name   string
		nums   []int
		stages int
		sum    int
		took   time.Duration
	}{
		{"one stage, four values", []int{1, 2, 3, 4}, 1, 1 + 4 + 9 + 16, 4 * time.Second},
		{"two stages, three values", []int{1, 2, 3}, 2, 1 + 16 + 81, 4 * time.Second},
		{"three stages, two values", []int{1, 2}, 3, 1 + 256, 4 * time.Second},
		{"two stages, no values", nil, 2, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				ch := Generate(tt.nums...)
				for range tt.stages {
					ch = Square(ch, work)
				}
				result := make(chan int)
				go func() { result <- Sum(ch) }()
				var sum int
				select {
				case sum = <-result:
				case <-time.After(time.Hour):
					t.Fatalf("%d Square stages over %v: Sum had not returned an hour after the last value.\n"+
						"A range loop over a channel ends only when the channel is closed: does every stage close\n"+
						"its output when its input is done (and only its own output)?", tt.stages, tt.nums)
				}
				took := time.Since(start)
				if sum != tt.sum {
					t.Errorf("%d Square stages over %v: Sum = %d; want %d", tt.stages, tt.nums, sum, tt.sum)
				}
				if took != tt.took {
					t.Errorf("%d Square stages over %v took %v; want %v.\n"+
						"In a pipeline every stage works at the same time as the others: the first value\n"+
						"goes through all %d stages (%ds), and each further value comes out one second later.",
						tt.stages, tt.nums, took, tt.took, tt.stages, tt.stages)
				}
			})
		})
	}
}
