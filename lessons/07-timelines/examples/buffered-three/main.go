// Command buffered-three sends three values into a channel with room for
// two, so the third send has to wait for a receive.
package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	done := make(chan struct{})

	go func() {
		ch <- 1
		ch <- 2
		ch <- 3 // the buffer is full: waits until main receives
		close(done)
	}()

	fmt.Println(<-ch, <-ch, <-ch) // values come out in the order they went in
	<-done
}
