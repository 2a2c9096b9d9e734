// Command queue puts a buffered channel in front of an owner that needs a
// second for every request, and prints when each send completes.
//
// Times are truncated to whole seconds, so that a busy machine that wakes a
// goroutine a few milliseconds late still prints the same.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	since := func() time.Duration { return time.Since(start).Truncate(time.Second) }

	lines := make(chan string, 2) // two lines may wait while one is written
	done := make(chan struct{})
	go func() { // the owner of the (slow) disk
		for l := range lines {
			time.Sleep(time.Second) // writing takes a second
			fmt.Println("  wrote", l, "at", since())
		}
		close(done)
	}()

	for i := 1; i <= 4; i++ {
		lines <- fmt.Sprint("line ", i)
		fmt.Println("sent line", i, "at", since())
	}
	close(lines)
	<-done
	fmt.Println("all written at", since())
}
