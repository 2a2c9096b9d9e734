// Command direct-handoff starts a receiver on an empty buffered channel,
// then sends. If the receiver is already parked when the send comes, the
// value goes straight to it, and the buffer is never touched (nor, without
// -race, sendx and recvx); if not, it waits in the buffer. Same output.
package main

import "fmt"

func main() {
	ch := make(chan string, 4)
	got := make(chan string)

	go func() {
		got <- <-ch // with the buffer empty, this receive parks in ch's recvq
	}()
	ch <- "hello"
	fmt.Println(<-got)
}
