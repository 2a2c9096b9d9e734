// Command direct-handoff starts a receiver on an empty buffered channel,
// then sends. If the receiver is already parked when the send comes, the
// value goes straight to it, and the buffer, sendx and recvx are never
// touched; if not, the value waits in the buffer. The output is the same.
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
