// A worker registers itself with a flag written without synchronisation and
// greets main only if main is already listening; main waits for the greeting
// when it sees the worker registered. When the write lands before main's
// read (and the worker, finding nobody listening, has left), main waits for
// a greeting that never comes. runtime.Gosched is no synchronisation: with
// one P it lets the worker run first, so the real runtime reports the race,
// then the deadlock.
package main

import (
	"fmt"
	"runtime"
)

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
	runtime.Gosched()
	if registered { // the racing read
		fmt.Println(<-hello)
	}
	fmt.Println("done")
}
