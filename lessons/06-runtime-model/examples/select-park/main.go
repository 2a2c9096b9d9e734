// Command select-park parks a goroutine in a select on two channels: it
// waits in the recvq of both at once. The first send wins; the other
// queue is cleaned up.
package main

import "fmt"

func main() {
	email, sms := make(chan string), make(chan string)
	got := make(chan string)

	go func() {
		select { // parks on both channels, if neither is ready
		case m := <-email:
			got <- "email: " + m
		case m := <-sms:
			got <- "sms: " + m
		}
	}()

	sms <- "your code is 1234" // wakes the goroutine through sms
	fmt.Println(<-got)
}
