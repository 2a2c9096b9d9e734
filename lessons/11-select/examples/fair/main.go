// Command fair keeps two channels always ready and counts which case a
// select picks. The counts differ from run to run; both are always close
// to half.
package main

import "fmt"

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	picked := map[string]int{}
	for range 10_000 {
		a <- 1 // both channels hold a value: both cases are ready
		b <- 1
		select {
		case <-a:
			picked["a"]++
			<-b // empty b again for the next round
		case <-b:
			picked["b"]++
			<-a
		}
	}
	fmt.Println("a:", picked["a"], "b:", picked["b"])
}
