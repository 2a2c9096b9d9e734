// Command direct-handoff sends on a buffered channel while a receiver is
// already parked on it: the value goes straight to the receiver and never
// touches the buffer.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 2)
	got := make(chan int)

	go func() { got <- <-ch }() // parks: the buffer is empty

	// This Sleep only arranges the timeline shown in the lesson (the
	// receiver parks first). It orders nothing: the program prints the
	// same whichever goroutine gets there first.
	time.Sleep(10 * time.Millisecond)

	ch <- 7 // finds the receiver in recvq and copies 7 to it directly
	fmt.Println("received", <-got, "- values left in the buffer:", len(ch))
}
