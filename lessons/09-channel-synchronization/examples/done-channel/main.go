// Command done-channel waits for a worker with a channel that the worker
// closes when it has finished.
package main

import "fmt"

func main() {
	done := make(chan struct{}) // carries no data: only the moment matters
	var result int

	go func() {
		defer close(done) // the last thing the worker does, whatever happens
		for i := 1; i <= 10; i++ {
			result += i
		}
	}()

	<-done // returns once done is closed
	// The close is synchronised before this receive returns, so the
	// worker's writes to result are visible here: no race.
	fmt.Println("result:", result)
}
