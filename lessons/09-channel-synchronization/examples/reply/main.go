// Command reply sends requests that carry their own reply channel, so
// that the sender knows not only that a request was taken but that it was
// answered.
package main

import (
	"fmt"
	"strings"
)

// A request is a question and the channel its answer must go to.
type request struct {
	text  string
	reply chan string
}

func main() {
	requests := make(chan request)
	go func() { // the server
		for r := range requests {
			r.reply <- strings.ToUpper(r.text) // answers on the asker's channel
		}
	}()

	for _, q := range []string{"ping", "are you there?"} {
		r := request{q, make(chan string)}
		requests <- r       // the server has taken the request...
		answer := <-r.reply // ...and now it has answered it
		fmt.Printf("%s -> %s\n", q, answer)
	}
	close(requests)
}
