// Command worker-pool shares nine jobs among three workers. Each result
// carries its job's index, so the results come back in any order but are
// put in their place.
package main

import (
	"fmt"
	"sync"
)

type job struct{ index, n int }
type result struct{ index, square int }

// worker squares numbers until jobs is closed and empty.
func worker(jobs <-chan job, results chan<- result) {
	for j := range jobs {
		results <- result{j.index, j.n * j.n}
	}
}

func main() {
	nums := []int{1, 2, 3, 4, 5, 6, 7, 8, 9}
	jobs := make(chan job)
	results := make(chan result)

	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() { worker(jobs, results) })
	}
	// Close results when every worker has returned: they are its senders.
	go func() {
		wg.Wait()
		close(results)
	}()
	// Feed the jobs from a goroutine of their own, so that main can
	// receive results at the same time; then say "no more jobs".
	go func() {
		for i, n := range nums {
			jobs <- job{i, n}
		}
		close(jobs)
	}()

	squares := make([]int, len(nums))
	for r := range results {
		squares[r.index] = r.square
	}
	fmt.Println(squares)
}
