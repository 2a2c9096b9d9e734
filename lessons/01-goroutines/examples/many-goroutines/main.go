// Command many-goroutines parks a hundred thousand goroutines on a channel.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	const n = 100_000
	release := make(chan struct{})
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			<-release // park until release is closed
		})
	}
	// main is a goroutine too, hence the +1.
	fmt.Println("goroutines alive:", runtime.NumGoroutine())

	close(release) // wakes every parked goroutine
	wg.Wait()
	fmt.Println("all", n, "have finished")
}
