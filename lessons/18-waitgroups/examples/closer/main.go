// Command closer collects results from two goroutines over a channel. A
// third goroutine waits for both of them and then closes the channel, which
// ends main's range loop.
package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make(chan int)
	var wg sync.WaitGroup
	for _, n := range []int{20, 22} {
		wg.Go(func() { results <- n })
	}
	go func() {
		wg.Wait()      // both senders are done...
		close(results) // ...so no send can follow the close
	}()
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("sum:", sum)
}
