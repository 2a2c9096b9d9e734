// Two goroutines count their hits in one variable without a lock: every
// schedule races.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	hits := 0
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hits++
		}()
	}
	wg.Wait()
	fmt.Println(hits)
}
