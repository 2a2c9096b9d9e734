// Command fifo-senders parks three senders on a full channel, one after
// another, and then receives everything: the parked senders' values come
// out in the order the senders parked, after the values of the buffer.
//
// The Sleeps arrange that order for the lesson's picture; they synchronise
// nothing. On a busy machine a real run could park them in another order,
// so the output shown in the lesson is the simulator's.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan string, 1)
	ch <- "in the buffer"
	for i, name := range []string{"first", "second", "third"} {
		go func() {
			time.Sleep(time.Duration(i+1) * time.Millisecond)
			ch <- name + " to park"
		}()
	}
	time.Sleep(10 * time.Millisecond) // all three are parked by now
	for range 4 {
		fmt.Println(<-ch)
	}
}
