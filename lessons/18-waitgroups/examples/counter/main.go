// Command counter follows a WaitGroup's counter through Add, Go, Done and
// Wait, and shows the panic of a counter that goes below zero.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup // the zero value is ready: counter 0

	wg.Wait() // counter 0: returns at once, there is nothing to wait for
	fmt.Println("Wait at zero returned at once")

	wg.Add(2) // counter 2
	results := make([]string, 2)
	for i := range 2 {
		go func() {
			defer wg.Done() // counter - 1, when this goroutine is done
			results[i] = fmt.Sprint("task ", i, " done")
		}()
	}
	wg.Go(func() {}) // counter + 1 now, - 1 when the function returns
	wg.Wait()        // blocks until the counter is back to 0
	fmt.Println(results)

	defer func() {
		fmt.Println("recovered:", recover())
	}()
	wg.Done() // counter -1
	fmt.Println("not printed")
}
