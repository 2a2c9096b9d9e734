// Command drain closes a channel that still holds values, then receives
// from it until it is empty, and a few times more.
package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	ch <- 10
	ch <- 20
	close(ch) // no more sends; the two values stay in the buffer

	fmt.Println("after close: len", len(ch), "cap", cap(ch))
	for range 4 {
		v, ok := <-ch // never waits on a closed channel
		fmt.Println("received", v, ok)
	}
	fmt.Println("and once more:", <-ch)
}
