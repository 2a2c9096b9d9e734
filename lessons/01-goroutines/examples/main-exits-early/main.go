// Command main-exits-early shows that a Go program does not wait for its
// goroutines: when main returns, the program ends, whatever they are doing.
//
// Its output is not fixed. Most runs print only main's line; a few print
// the goroutine's lines too, or some of them. Built with -race, most runs
// print them all: the race detector's exit lets the goroutine run.
package main

import "fmt"

func count(name string) {
	for i := 1; i <= 3; i++ {
		fmt.Println(name, i)
	}
}

func main() {
	go count("goroutine")
	fmt.Println("main is done")
	// main returns here. The goroutine may not have run at all yet.
}
