// Command waitgroup waits for a group of goroutines with sync.WaitGroup.
package main

import (
	"fmt"
	"sync"
)

func square(n int) int { return n * n }

func main() {
	nums := []int{1, 2, 3, 4, 5}
	squares := make([]int, len(nums))

	var wg sync.WaitGroup
	for i, n := range nums {
		// wg.Go (Go 1.25) adds one to the counter, runs the function in a
		// new goroutine, and subtracts one when it returns.
		wg.Go(func() {
			squares[i] = square(n) // element i belongs to this goroutine alone
		})
	}

	// The same with Add and Done, as written before Go 1.25. Add must be
	// called before the go statement, not inside the goroutine.
	var total int
	var mu sync.Mutex
	for _, n := range nums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}

	wg.Wait() // blocks until the counter is back to zero
	fmt.Println("squares:", squares)
	fmt.Println("total:", total)
}
