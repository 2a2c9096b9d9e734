// A WaitGroup used again from zero by a goroutine that nothing orders with
// the Wait that waited for it: the race detector reports the Add.
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
		wg.Add(1) // from zero, not ordered with main's Wait
		wg.Done()
		close(again)
	}()
	wg.Wait()
	<-again
	fmt.Println("done")
}
