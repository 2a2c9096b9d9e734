// Command fan-out-in runs three copies of a slow stage that all read from
// one channel (fan-out) and all write to one channel (fan-in). The results
// come out in no fixed order, so main adds them up.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	words := make(chan string)
	go func() {
		defer close(words)
		for _, w := range []string{"pipes", "stages", "fan", "out", "and", "in"} {
			words <- w
		}
	}()

	// Fan-out: three workers take words from the same channel; each word
	// goes to exactly one of them.
	lengths := make(chan int)
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			for w := range words {
				time.Sleep(10 * time.Millisecond) // the slow part
				lengths <- len(w)                 // fan-in: one channel for all
			}
		})
	}
	// Three goroutines send on lengths, so none of them can close it. A
	// goroutine of its own closes it after the last one is done.
	go func() {
		wg.Wait()
		close(lengths)
	}()

	total, n := 0, 0
	for l := range lengths {
		total += l
		n++
	}
	fmt.Println(n, "words,", total, "letters")
}
