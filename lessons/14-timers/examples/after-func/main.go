// Command after-func runs functions later, each in a goroutine of its own,
// and cancels one of them before its time.
package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan string)
	time.AfterFunc(20*time.Millisecond, func() { done <- "reminder" })
	cancelled := time.AfterFunc(40*time.Millisecond, func() { done <- "never" })

	fmt.Println("got:", <-done)
	fmt.Println("stopped before it ran:", cancelled.Stop())

	select {
	case msg := <-done:
		fmt.Println("got:", msg)
	case <-time.After(100 * time.Millisecond):
		fmt.Println("the cancelled function never ran")
	}
}
