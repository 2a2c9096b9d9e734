// Command race increments a shared counter from ten goroutines, a hundred
// thousand times each, without a lock. count++ reads count, adds one and
// writes it back: when two goroutines do that at the same moment, both read
// the same value, and one increment is lost.
//
// Its output is not fixed. It may print less than 1000000, and it may print
// exactly 1000000, which proves nothing. Run it with `go run -race`: the
// race detector reports the data race on every run, whatever the count.
package main

import (
	"fmt"
	"sync"
)

func main() {
	count := 0
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			for range 100_000 {
				count++ // data race: unsynchronised read and write
			}
		})
	}
	wg.Wait()
	fmt.Println("count:", count)
}
