// Command mistakes makes each of the three mistakes that panic with a
// closed or nil channel, recovers, and prints what the runtime said.
package main

import "fmt"

// try runs f and prints the message of the panic it raised, if any.
func try(what string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%-22s panic: %v\n", what, r)
		}
	}()
	f()
	fmt.Printf("%-22s no panic\n", what)
}

func main() {
	try("send after close:", func() {
		ch := make(chan int, 1)
		close(ch)
		ch <- 1
	})
	try("close twice:", func() {
		ch := make(chan int)
		close(ch)
		close(ch)
	})
	try("close a nil channel:", func() {
		var ch chan int
		close(ch)
	})
	try("receive after close:", func() {
		ch := make(chan int)
		close(ch)
		<-ch
	})
}
