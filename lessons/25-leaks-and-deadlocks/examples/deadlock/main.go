// Command deadlock waits for a result that nobody can send: the only other
// goroutine is itself waiting for main. The runtime notices that every
// goroutine is blocked and stops the program with
//
//	fatal error: all goroutines are asleep - deadlock!
package main

import "fmt"

func main() {
	request := make(chan int)
	result := make(chan int)
	go func() { // the worker: wants a request before it sends a result
		n := <-request
		result <- n * n
	}()
	fmt.Println("waiting for the result")
	fmt.Println(<-result) // but the request was never sent
	request <- 7
}
