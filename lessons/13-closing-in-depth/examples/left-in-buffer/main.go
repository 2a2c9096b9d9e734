// Command left-in-buffer shows that values survive the close of their
// channel, and the goroutine that sent them: the producer fills the
// buffer, closes, and is gone long before the consumer reads.
package main

import "fmt"

func main() {
	jobs := make(chan string, 3)
	finished := make(chan struct{})
	go func() {
		jobs <- "wash"
		jobs <- "dry"
		jobs <- "fold"
		close(jobs)
		close(finished)
	}()
	<-finished // the producer has returned
	fmt.Println("producer gone; jobs still queued:", len(jobs))
	for j := range jobs {
		fmt.Println("doing", j)
	}
	fmt.Println("all done")
}
