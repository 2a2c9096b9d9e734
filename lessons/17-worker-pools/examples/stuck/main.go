// Command stuck is a pool that works with five jobs and deadlocks with six:
// main sends every job before it reads any result, and the pool can hold
// only five values that nobody has taken yet (two in each buffer, and one in
// the hands of the worker, waiting to be sent).
//
// Run it: it ends with "fatal error: all goroutines are asleep - deadlock!"
// (built with -race, it hangs instead: golang/go#20588).
package main

import "fmt"

func main() {
	jobs := make(chan int, 2)
	results := make(chan int, 2)

	go func() { // one worker
		for n := range jobs {
			results <- n * n
		}
	}()

	const n = 6 // with n = 5, everything fits and the program ends
	for i := range n {
		jobs <- i
	}
	close(jobs)

	for range n {
		fmt.Println(<-results)
	}
}
