// Command full-buffer parks a sender on a full buffered channel, then
// receives. The receiver takes the oldest value from the buffer, and the
// parked sender's value goes into the slot that just became free, so the
// order stays first in, first out.
package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2 // the buffer is full

	sent := make(chan struct{})
	go func() {
		ch <- 3 // no room: this goroutine parks in ch's sendq
		close(sent)
	}()

	fmt.Println(<-ch) // 1, from the buffer; if the sender is parked, 3 moves in and it is woken
	<-sent
	fmt.Println("len after the sender left:", len(ch))
	fmt.Println(<-ch, <-ch)
}
