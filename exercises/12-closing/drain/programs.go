// Package drain is three small programs that close a channel. Read them,
// predict what they observe, and write your predictions in answer.go. Do
// not change this file: the tests run these programs and compare what
// they really observe with what you predicted.
package drain

import "testing/synctest"

// Recv is the result of one receive with the comma-ok form: v, ok := <-ch.
type Recv struct {
	V  string
	OK bool
}

// Buffered puts three values in a channel with room for four, takes one
// out, closes the channel, and then receives four times. It returns
// len(ch) right after the close, and the four receives.
func Buffered() (lenAfterClose int, recvs []Recv) {
	ch := make(chan string, 4)
	ch <- "a"
	ch <- "b"
	ch <- "c"
	<-ch
	close(ch)
	lenAfterClose = len(ch)
	for range 4 {
		v, ok := <-ch
		recvs = append(recvs, Recv{v, ok})
	}
	return lenAfterClose, recvs
}

// ParkedReceivers starts two goroutines that receive from an unbuffered
// channel on which nobody sends. When both are parked, it closes the
// channel. It returns what each of the two receives returned.
//
// The tests run it inside a synctest bubble: synctest.Wait returns when
// every other goroutine of the bubble is blocked.
func ParkedReceivers() []Recv {
	ch := make(chan string)
	got := make(chan Recv, 2)
	for range 2 {
		go func() {
			v, ok := <-ch
			got <- Recv{v, ok}
		}()
	}
	synctest.Wait() // both receivers are parked in ch's recvq
	close(ch)
	return []Recv{<-got, <-got}
}

// ParkedSender fills a channel that has room for one value, and starts a
// goroutine that sends a second value on it, which parks it in the
// channel's sendq. Then it closes the channel. It returns what the
// parked sender's send did (the message of its panic, or "" if the send
// did not panic), and two receives made after the close.
func ParkedSender() (senderPanic string, recvs []Recv) {
	ch := make(chan string, 1)
	ch <- "first"
	outcome := make(chan string)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				outcome <- r.(error).Error()
			}
		}()
		ch <- "second" // parks: the buffer is full
		outcome <- ""
	}()
	synctest.Wait() // the sender is parked in ch's sendq
	close(ch)
	senderPanic = <-outcome
	for range 2 {
		v, ok := <-ch
		recvs = append(recvs, Recv{v, ok})
	}
	return senderPanic, recvs
}
