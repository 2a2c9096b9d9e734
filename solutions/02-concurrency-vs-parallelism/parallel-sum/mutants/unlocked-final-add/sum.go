// Mutant: adds up each chunk in a local variable, but then adds the local
// sum to the shared total without synchronisation: fewer racing writes,
// still a data race.
package parallelsum

import "sync"

// Sum returns the sum of nums, adding up parts chunks in parallel.
func Sum(nums []int, parts int) int {
	total := 0
	var wg sync.WaitGroup
	size := (len(nums) + parts - 1) / parts
	for start := 0; start < len(nums); start += size {
		chunk := nums[start:min(start+size, len(nums))]
		wg.Go(func() {
			s := 0
			for _, n := range chunk {
				s += n
			}
			total += s
		})
	}
	wg.Wait()
	return total
}
