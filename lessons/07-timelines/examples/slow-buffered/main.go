// Command slow-buffered sends three values on a channel with room for two to a
// consumer that needs a second for each, and prints when each send
// completes. It runs for about three seconds; the times are rounded to a
// tenth of a second, and a busy machine may still make them differ.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	ch := make(chan int, 2) // room for two values
	done := make(chan struct{})

	go func() { // the consumer: a second of work per value
		for range ch {
			time.Sleep(time.Second)
		}
		close(done)
	}()

	for i := 1; i <= 3; i++ {
		ch <- i
		fmt.Printf("send %d completed at %v\n", i, time.Since(start).Round(100*time.Millisecond))
	}
	close(ch)
	<-done
	fmt.Printf("consumer finished at %v\n", time.Since(start).Round(100*time.Millisecond))
}
