// Command lost-print receives a value and returns, without waiting for the
// goroutine that sent it. Whether the goroutine's line is printed at all
// depends on the schedule: its output is not the same on every run.
package main

import "fmt"

func main() {
	ch := make(chan int)

	go func() {
		ch <- 42
		fmt.Println("sent 42") // runs after the handoff... if it runs at all
	}()

	v := <-ch
	fmt.Println("received", v)
	// main returns: the program ends, whether or not the goroutine has
	// printed its line.
}
