// Command start-order starts five goroutines, in order, and lets each print
// its number. The order they print in is not fixed: run it several times,
// and with GOMAXPROCS=1.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Go(func() {
			fmt.Print(i, " ")
		})
	}
	wg.Wait()
	fmt.Println()
}
