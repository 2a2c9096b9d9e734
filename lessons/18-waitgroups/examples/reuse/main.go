// Command reuse runs three rounds of work on one WaitGroup. That is allowed:
// each round's first Go comes after the previous round's Wait has returned,
// and only one goroutine ever waits.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for round := 1; round <= 3; round++ {
		squares := make([]int, round)
		for i := range round {
			wg.Go(func() { squares[i] = (i + 1) * (i + 1) })
		}
		wg.Wait() // this round's goroutines are done; the next round may Add again
		fmt.Println("round", round, squares)
	}
}
