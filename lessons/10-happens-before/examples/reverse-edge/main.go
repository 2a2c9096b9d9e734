// Command reverse-edge relies on the edge that only an unbuffered channel
// has: a receive is synchronized before the completion of its send. With
// make(chan int, 1) instead, the program would have a data race.
package main

import "fmt"

func main() {
	var msg string
	c := make(chan int) // must be unbuffered for this to be correct

	go func() {
		msg = "hello, world"
		<-c // the goroutine receives...
	}()

	c <- 0 // ...so this send cannot complete before that receive
	fmt.Println(msg)
}
