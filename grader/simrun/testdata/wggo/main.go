// A WaitGroup's Go from zero by a goroutine that nothing orders with the Wait
// that waited for it: the race detector reports the Add that Go makes.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	again := make(chan struct{})
	wg.Add(1)
	go func() {
		time.Sleep(10 * time.Millisecond)
		wg.Done()
	}()
	go func() {
		time.Sleep(50 * time.Millisecond)
		wg.Go(func() {}) // from zero, not ordered with main's Wait
		close(again)
	}()
	wg.Wait()
	<-again
	fmt.Println("done")
}
