// Command closed-is-ready shows that a receive from a closed channel is
// always ready: a select never waits for it and never takes the default.
package main

import "fmt"

func main() {
	done := make(chan struct{})
	close(done)

	closedCase, defaultCase := 0, 0
	for range 1000 {
		select {
		case <-done: // closed: ready every time, with the zero value
			closedCase++
		default:
			defaultCase++
		}
	}
	fmt.Println("closed case:", closedCase, "default:", defaultCase)
}
