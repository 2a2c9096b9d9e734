// Command stuck is a pool that works with five jobs and deadlocks with six:
// main sends every job before it reads any result, and the pool can hold
// only five values that nobody has taken yet (two in each buffer, and one in
// the hands of the worker, waiting to be sent).
//
// Run it: it ends with "fatal error: all goroutines are asleep - deadlock!".
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

	for n := range 6 { // with range 5, everything fits and the program ends
		jobs <- n
	}
	close(jobs)

	for range 6 {
		fmt.Println(<-results)
	}
}
