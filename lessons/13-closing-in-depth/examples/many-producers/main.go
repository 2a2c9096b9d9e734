// Command many-producers lets three goroutines send on one channel and
// closes it once, after the last of them is done.
package main

import (
	"fmt"
	"slices"
	"sync"
)

func main() {
	results := make(chan string)
	var wg sync.WaitGroup
	for _, id := range []string{"A", "B", "C"} {
		wg.Go(func() {
			for i := 1; i <= 2; i++ {
				results <- fmt.Sprint(id, i)
			}
		})
	}

	// The closer: nobody else knows when the LAST producer is done.
	go func() {
		wg.Wait()      // every producer has returned: no send can follow
		close(results) // so closing now is safe, and it happens once
	}()

	var got []string
	for r := range results { // ends when the closer has closed results
		got = append(got, r)
	}
	slices.Sort(got) // the producers interleave differently on every run
	fmt.Println(got)
}
