// Command ring walks a channel's buffer all the way round: sendx and recvx
// chase each other around three slots, and len counts what lies between.
package main

import "fmt"

func main() {
	ring := make(chan string, 3)

	ring <- "a"                 // slot 0
	ring <- "b"                 // slot 1
	ring <- "c"                 // slot 2: full; sendx wraps to 0
	fmt.Println(<-ring, <-ring) // from slots 0 and 1
	ring <- "d"                 // slot 0 again
	ring <- "e"                 // slot 1
	fmt.Println("len", len(ring), "cap", cap(ring))
	fmt.Println(<-ring, <-ring, <-ring) // slots 2, 0, 1: still first in, first out
}
