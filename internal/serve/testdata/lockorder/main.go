// Command lockorder takes two locks (channels of one slot) in opposite
// orders in two goroutines. Most schedules pass; one where each goroutine
// holds the lock the other wants next deadlocks.
package main

import "fmt"

func main() {
	a := make(chan struct{}, 1)
	b := make(chan struct{}, 1)
	done := make(chan struct{})
	go func() {
		a <- struct{}{} // lock a
		b <- struct{}{} // lock b
		<-b
		<-a
		close(done)
	}()
	b <- struct{}{} // lock b
	a <- struct{}{} // lock a
	<-a
	<-b
	<-done
	fmt.Println("both done")
}
