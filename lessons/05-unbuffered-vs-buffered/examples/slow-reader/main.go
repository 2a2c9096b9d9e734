// Command slow-reader sends three values, through a buffer of one, to a
// reader that needs a second for each. The first two sends complete at
// once; the third waits a second for the reader.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan string, 1)
	done := make(chan struct{})
	go func() {
		for range ch {
			time.Sleep(time.Second)
		}
		close(done)
	}()

	start := time.Now()
	for _, v := range []string{"a", "b", "c"} {
		ch <- v
	}
	fmt.Println("third send completed after", time.Since(start).Round(time.Second))
	close(ch)
	<-done
}
