// Command publish fills in a value and then closes a channel; readers that
// receive from the channel see the value, with no lock.
package main

import (
	"fmt"
	"slices"
	"strings"
)

type config struct {
	name  string
	ports []int
}

func main() {
	var cfg config
	ready := make(chan struct{})

	go func() {
		// First the writes, then the close that publishes them.
		cfg.name = "gocourse"
		cfg.ports = []int{8080, 8443}
		close(ready)
		// Writing cfg here would be a data race: no edge covers it.
	}()

	results := make(chan string)
	for i := range 3 {
		go func() {
			<-ready // the receive that sees the close, then the reads
			results <- fmt.Sprint("reader ", i, " sees ", cfg.name, " ", cfg.ports)
		}()
	}
	var lines []string
	for range 3 {
		lines = append(lines, <-results)
	}
	slices.Sort(lines) // the readers finish in any order
	fmt.Println(strings.Join(lines, "\n"))
}
