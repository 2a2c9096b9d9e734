// Command twosenders receives one value from a channel two goroutines send
// on: the sender whose value is not received is left blocked forever (a
// leak), and which one that is depends on the schedule.
package main

import "fmt"

func main() {
	c := make(chan int)
	for i := range 2 {
		go func() { c <- i }()
	}
	fmt.Println(<-c)
}
