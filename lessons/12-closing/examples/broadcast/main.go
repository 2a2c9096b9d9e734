// Command broadcast wakes every waiting goroutine at once by closing a
// channel: one close reaches any number of receivers.
package main

import (
	"fmt"
	"slices"
)

func main() {
	start := make(chan struct{})
	started := make(chan string, 3)
	for _, name := range []string{"ann", "bob", "cy"} {
		go func() {
			<-start // a runner that gets here first parks until start is closed
			started <- name
		}()
	}
	close(start) // wakes every parked runner, and lets later ones through; a send would wake one

	var names []string
	for range 3 {
		names = append(names, <-started)
	}
	slices.Sort(names) // they may wake in any order
	fmt.Println("started:", names)
}
