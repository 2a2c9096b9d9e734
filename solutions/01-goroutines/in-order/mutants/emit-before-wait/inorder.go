// Mutant: stores each result in its own slot, but emits the slots before
// wg.Wait, while the goroutines are still writing them.
package inorder

import "sync"

// Process runs work(0..n-1) concurrently and emits the results in order.
func Process(n int, work func(i int) string, emit func(result string)) {
	results := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			results[i] = work(i)
		})
	}
	for _, r := range results {
		emit(r)
	}
	wg.Wait()
}
