// Command close-drain closes a channel that still holds values: the
// values stay, receivers get them, and only then do receives report that
// the channel is closed.
package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	ch <- 10
	ch <- 20
	close(ch)

	for range 3 {
		v, ok := <-ch
		fmt.Println("received", v, "ok:", ok)
	}

	// A send on a closed channel panics, buffer or no buffer.
	defer func() { fmt.Println("recovered:", recover()) }()
	ch <- 30
}
