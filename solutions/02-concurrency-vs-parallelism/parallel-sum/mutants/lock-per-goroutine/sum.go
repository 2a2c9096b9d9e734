// Mutant: every goroutine locks a mutex of its own while it adds its chunk
// to total: a lock that excludes nobody, so the writes still race.
package parallelsum

import "sync"

// Sum returns the sum of nums, a chunk per goroutine.
func Sum(nums []int, parts int) int {
	total := 0
	var wg sync.WaitGroup
	size := (len(nums) + parts - 1) / parts
	for start := 0; start < len(nums); start += size {
		chunk := nums[start:min(start+size, len(nums))]
		wg.Go(func() {
			var mu sync.Mutex
			mu.Lock()
			for _, n := range chunk {
				total += n
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	return total
}
