// Command first-goroutine starts one goroutine and waits for its message.
package main

import (
	"fmt"
	"strings"
)

// shout sends its message, in capitals, on out.
func shout(msg string, out chan<- string) {
	out <- strings.ToUpper(msg)
}

func main() {
	out := make(chan string)

	// The go statement evaluates shout's arguments here, in main, and then
	// runs the call in a new goroutine. main goes on at once.
	go shout("hello from a goroutine", out)

	fmt.Println("main goes on while shout runs")

	// The receive waits until the goroutine sends: main cannot reach the
	// end, and exit, before the message has arrived.
	fmt.Println(<-out)
}
