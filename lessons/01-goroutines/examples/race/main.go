// Command race increments one counter from a thousand goroutines without
// synchronisation. It has a data race: run it with `go run -race`.
// Without -race it prints 1000 on nearly every run, and less now and then:
// updates are lost when two goroutines interleave, which goroutines this
// short rarely do. Nearly every time is not every time.
package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var wg sync.WaitGroup
	for range 1000 {
		wg.Go(func() {
			counter++ // read, add, write: another goroutine can come in between
		})
	}
	wg.Wait()
	fmt.Println("counter:", counter)
}
