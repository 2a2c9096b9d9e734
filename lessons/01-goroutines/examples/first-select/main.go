// Command first-select waits on several channels at once.
package main

import (
	"fmt"
	"time"
)

func main() {
	ready := make(chan string, 1)
	never := make(chan string) // nobody ever sends on this one
	ready <- "ready"

	// select waits until one of its cases can go ahead, then does that one.
	select {
	case msg := <-ready:
		fmt.Println("got", msg)
	case msg := <-never:
		fmt.Println("got", msg)
	}

	// time.After returns a channel that receives once, after the duration:
	// a case on it puts a limit on the wait.
	select {
	case msg := <-never:
		fmt.Println("got", msg)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("gave up after 50ms")
	}

	// With a default case, select does not wait at all.
	select {
	case msg := <-never:
		fmt.Println("got", msg)
	default:
		fmt.Println("nothing ready, moving on")
	}
}
