// Command pool squares four numbers on two workers. Each worker takes the
// next job when it is free; the job carries its index, so each result goes
// back to its place, whichever worker did it and whenever it finished.
package main

import (
	"fmt"
	"sync"
)

type job struct {
	index, n int
}

func main() {
	nums := []int{3, 1, 4, 1}
	squares := make([]int, len(nums))

	jobs := make(chan job) // unbuffered: a job is handed to a free worker
	var wg sync.WaitGroup
	for range 2 { // the bound: two workers, however many jobs
		wg.Go(func() {
			for j := range jobs { // ends when jobs is closed and empty
				squares[j.index] = j.n * j.n // element j.index is this job's alone
			}
		})
	}

	for i, n := range nums {
		jobs <- job{i, n}
	}
	close(jobs) // no more jobs: the workers' loops end
	wg.Wait()   // every write to squares happened before Wait returns

	fmt.Println(nums, "squared is", squares)
}
