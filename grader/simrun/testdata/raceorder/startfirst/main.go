// The same registration as in ../early without the Gosched: main reads the
// flag right after the go statement. With one P the real runtime always runs
// main on first, reads false and passes; on more cores the worker can start
// at once and write first, and then main waits for a greeting that never
// comes. Only a schedule point at the go statement, after the goroutine
// exists, lets explore try that order.
package main

import "fmt"

func main() {
	var registered bool
	hello := make(chan string)
	go func() {
		registered = true // the racing write
		select {
		case hello <- "hello":
		default: // nobody listens: no greeting
		}
	}()
	if registered { // the racing read
		fmt.Println(<-hello)
	}
	fmt.Println("done")
}
