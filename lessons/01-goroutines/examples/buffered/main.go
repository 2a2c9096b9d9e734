// Command buffered shows a channel with room for values.
package main

import "fmt"

func main() {
	queue := make(chan string, 2) // room for two values

	// With room in the buffer, a send does not wait for a receiver.
	queue <- "first"
	queue <- "second"
	fmt.Println("queued:", len(queue), "of", cap(queue))

	// A third send would wait here until someone receives: with no other
	// goroutine, the program would deadlock.

	fmt.Println(<-queue) // values come out in the order they went in
	fmt.Println(<-queue)
	fmt.Println("queued:", len(queue), "of", cap(queue))
}
