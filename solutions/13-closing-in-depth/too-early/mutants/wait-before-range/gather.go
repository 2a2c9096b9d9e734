// Mutant: waits for every producer before receiving anything, in the same
// goroutine. The producers' sends wait for a receiver: a deadlock.
package tooearly

import "sync"

func Gather(producers []func(emit func(int))) []int {
	values := make(chan int)
	var wg sync.WaitGroup
	for _, produce := range producers {
		wg.Go(func() {
			produce(func(v int) { values <- v })
		})
	}
	wg.Wait()
	close(values)
	var all []int
	for v := range values {
		all = append(all, v)
	}
	return all
}
