// Command errors runs every task on a pool and keeps each task's error at
// its index, so that the caller learns which tasks failed and why.
package main

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
)

func main() {
	inputs := []string{"12", "x", "7", "", "30"}
	values := make([]int, len(inputs))
	errs := make([]error, len(inputs))

	indexes := make(chan int)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for i := range indexes {
				// Both slices have one element per task: no two workers
				// ever write the same one.
				values[i], errs[i] = strconv.Atoi(inputs[i])
			}
		})
	}
	for i := range inputs {
		indexes <- i
	}
	close(indexes)
	wg.Wait()

	fmt.Println("values:", values)
	if err := errors.Join(errs...); err != nil { // nil when every error is nil
		fmt.Println("failed:")
		fmt.Println(err)
	}
}
