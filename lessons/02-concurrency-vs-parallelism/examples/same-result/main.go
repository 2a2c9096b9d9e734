// Command same-result computes the same sum with 1, 2 and 4 Ps. The
// goroutines may run one after another or side by side; the answer is the
// same, because each of them writes only its own partial sum.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

// sumOfSquares adds i*i for i in [1, n], split over parts goroutines.
func sumOfSquares(n, parts int) int {
	partial := make([]int, parts)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() {
			for i := p + 1; i <= n; i += parts { // every parts-th number
				partial[p] += i * i
			}
		})
	}
	wg.Wait()
	total := 0
	for _, s := range partial {
		total += s
	}
	return total
}

func main() {
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		fmt.Printf("GOMAXPROCS=%d: %d\n", procs, sumOfSquares(1_000_000, 8))
	}
}
