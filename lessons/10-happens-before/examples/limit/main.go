// Command limit runs ten tasks through a semaphore made of a buffered
// channel, and checks that no more than three ever run at once.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	const limit = 3
	sem := make(chan struct{}, limit) // three slots
	var mu sync.Mutex
	running, most := 0, 0

	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			sem <- struct{}{} // take a slot; the 4th send waits for a receive
			mu.Lock()
			running++
			most = max(most, running)
			mu.Unlock()

			time.Sleep(10 * time.Millisecond) // the work

			mu.Lock()
			running--
			mu.Unlock()
			<-sem // give the slot back
		})
	}
	wg.Wait()
	fmt.Println("never more than", limit, "at once:", most <= limit)
}
