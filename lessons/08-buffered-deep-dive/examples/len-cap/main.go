// Command len-cap shows what len and cap say about a channel.
package main

import "fmt"

func main() {
	ch := make(chan string, 3)
	fmt.Println("new:         len", len(ch), "cap", cap(ch))

	ch <- "a"
	ch <- "b"
	fmt.Println("two sends:   len", len(ch), "cap", cap(ch))

	<-ch
	fmt.Println("one receive: len", len(ch), "cap", cap(ch))

	close(ch) // closing keeps the values that are in the buffer
	fmt.Println("closed:      len", len(ch), "cap", cap(ch))

	unbuffered := make(chan string)
	fmt.Println("unbuffered:  len", len(unbuffered), "cap", cap(unbuffered))

	var never chan string // the zero value of a channel type is nil
	fmt.Println("nil:         len", len(never), "cap", cap(never), "is nil:", never == nil)
}
