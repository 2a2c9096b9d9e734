// Command broadcast wakes three waiting goroutines at once by closing a
// channel, and shows that a goroutine that comes later sees the close too.
package main

import (
	"fmt"
	"slices"
)

func main() {
	start := make(chan struct{})
	woke := make(chan string)

	for _, name := range []string{"ann", "bob", "cy"} {
		go func() {
			<-start // a waiter that gets here before the close parks
			woke <- name
		}()
	}

	close(start) // one close: every receive on start returns, now and later

	var names []string
	for range 3 {
		names = append(names, <-woke)
	}
	slices.Sort(names) // they wake in no particular order
	fmt.Println("woken:", names)

	<-start // a receive after the close returns at once, too
	fmt.Println("a late receive did not wait")
}
