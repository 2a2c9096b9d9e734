// Command sleep-race writes a variable in a goroutine while main sleeps,
// and then reads it. It prints 1 on nearly every run, and it has a data
// race: a sleep is no edge, and go run -race reports it on every run.
package main

import (
	"fmt"
	"time"
)

func main() {
	x := 0
	go func() { x = 1 }()
	time.Sleep(100 * time.Millisecond) // "surely done by now": a guess, not an edge
	fmt.Println(x)
}
