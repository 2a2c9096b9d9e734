// Command queue fills a buffered channel without any receiver, looks at it
// with len and cap, and empties it again.
package main

import "fmt"

func main() {
	jobs := make(chan string, 3) // room for three values

	jobs <- "wash"
	jobs <- "dry"
	fmt.Printf("after 2 sends:  len=%d cap=%d\n", len(jobs), cap(jobs))
	jobs <- "fold"
	fmt.Printf("after 3 sends:  len=%d cap=%d (full: a 4th send would wait)\n", len(jobs), cap(jobs))

	fmt.Println("first out:", <-jobs) // first in, first out
	jobs <- "iron"                    // there is room again
	for range 3 {
		fmt.Println("next out: ", <-jobs)
	}
	fmt.Printf("after 4 receives: len=%d cap=%d\n", len(jobs), cap(jobs))
}
