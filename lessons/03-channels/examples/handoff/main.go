// Command handoff passes values between main and a goroutine over one
// unbuffered channel. Every send waits for its receive, so the order of the
// lines below is the same on every run.
package main

import "fmt"

func main() {
	talk := make(chan string) // unbuffered: no room for a value
	done := make(chan struct{})

	go func() {
		fmt.Println("worker: sending hello")
		talk <- "hello" // waits here until main receives
		reply := <-talk // waits here until main sends
		fmt.Println("worker: got", reply)
		close(done)
	}()

	fmt.Println("main: got", <-talk) // waits here until the worker sends
	talk <- "hi back"
	<-done // wait until the worker has printed
}
