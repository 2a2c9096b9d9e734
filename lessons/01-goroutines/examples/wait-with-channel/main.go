// Command wait-with-channel waits for goroutines by receiving one message
// from each of them.
package main

import (
	"fmt"
	"strings"
)

func main() {
	words := []string{"goroutines", "are", "cheap"}
	lengths := make(chan int)

	for _, w := range words {
		go func() {
			lengths <- len(w)
		}()
	}

	// Exactly one receive per goroutine started: after the last one, every
	// goroutine has sent, and none is left waiting.
	sum := 0
	for range words {
		sum += <-lengths
	}
	fmt.Println("letters:", sum, "in", strings.Join(words, " "))
}
