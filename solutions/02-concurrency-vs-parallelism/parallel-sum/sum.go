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
func Sum(nums []int, parts int) int {
	size := (len(nums) + parts - 1) / parts // chunk length, rounded up
	partial := make([]int, parts)           // partial[k] is written by goroutine k only
	var wg sync.WaitGroup
	for k := 0; k*size < len(nums); k++ {
		chunk := nums[k*size : min((k+1)*size, len(nums))]
		wg.Go(func() {
			s := 0 // local to this goroutine: nobody else can see it
			for _, n := range chunk {
				s += n
			}
			partial[k] = s
		})
	}
	wg.Wait() // every partial[k] is written before Wait returns
	total := 0
	for _, s := range partial {
		total += s
	}
	return total
}
