// Command directions connects a producer and a consumer whose parameters
// say which way the channel may be used: the compiler enforces it.
package main

import (
	"fmt"
	"strings"
)

// produce may only send on out: a receive from out would not compile
// ("invalid operation: cannot receive from send-only channel").
func produce(words []string, out chan<- string) {
	for _, w := range words {
		out <- w
	}
	close(out) // closing is a sender's act: allowed on chan<-
}

// consume may only receive from in: `in <- "x"` or `close(in)` would not
// compile ("cannot close receive-only channel").
func consume(in <-chan string) string {
	var parts []string
	for w := range in {
		parts = append(parts, strings.ToUpper(w))
	}
	return strings.Join(parts, " ")
}

func main() {
	ch := make(chan string) // bidirectional; it converts to either direction
	go produce([]string{"typed", "one", "way"}, ch)
	fmt.Println(consume(ch))
}
