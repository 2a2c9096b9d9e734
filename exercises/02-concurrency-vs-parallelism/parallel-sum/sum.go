// Package parallelsum splits a sum over several goroutines.
//
// With GOMAXPROCS=1 the goroutines take turns on one processor; with more,
// they may run at the same instant on different cores. A correct concurrent
// program gives the same result either way: only how long it takes may
// change. A result that depends on GOMAXPROCS, or on luck, is the sign of a
// data race.
package parallelsum

import "sync"

// Sum returns the sum of nums. It cuts nums into parts chunks of nearly
// equal length and adds up each chunk in its own goroutine. parts is at
// least 1; when there are fewer numbers than parts, some chunks are empty
// (or there are simply fewer goroutines).
//
// Run the tests with -race and -cpu 1,2,4: the race detector reports a data
// race here, and on several cores the sum comes out wrong.
func Sum(nums []int, parts int) int {
	total := 0
	var wg sync.WaitGroup
	size := (len(nums) + parts - 1) / parts // chunk length, rounded up
	for start := 0; start < len(nums); start += size {
		chunk := nums[start:min(start+size, len(nums))]
		wg.Go(func() {
			for _, n := range chunk {
				// TODO: every goroutine reads and writes the same total.
				// total += n is a read, an add and a write; two goroutines
				// can interleave them and lose each other's updates.
				total += n
			}
		})
	}
	wg.Wait()
	return total
}
