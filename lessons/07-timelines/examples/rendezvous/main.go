// Command rendezvous hands one value over an unbuffered channel and waits
// until the sending goroutine has finished.
package main

import "fmt"

func main() {
	ch := make(chan int) // unbuffered: a send and a receive meet
	done := make(chan struct{})

	go func() {
		ch <- 42    // waits until main is there to take the value
		close(done) // "I have finished"
	}()

	v := <-ch // waits until the goroutine is there to give it
	<-done    // and waits for the goroutine to finish, too
	fmt.Println("received", v)
}
