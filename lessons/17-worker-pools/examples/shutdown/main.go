// Command shutdown runs a pool whose results come back on a channel, and
// shuts it down in the only safe order: the producer closes jobs, the
// workers leave their loops, and results is closed after the last worker
// has returned, by a goroutine that waits for them.
package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	words := []string{"pool", "of", "three", "workers", "shouts"}

	jobs := make(chan string)
	results := make(chan string)

	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			for w := range jobs {
				results <- strings.ToUpper(w)
			}
		})
	}

	go func() { // the producer: the only sender on jobs, so it closes jobs
		for _, w := range words {
			jobs <- w
		}
		close(jobs)
	}()

	go func() { // the closer: results has three senders, none of them may close it
		wg.Wait()
		close(results)
	}()

	letters := 0
	for r := range results { // ends when the closer has closed results
		letters += len(r)
	}
	fmt.Println(len(words), "words,", letters, "letters, all shouted")
}
