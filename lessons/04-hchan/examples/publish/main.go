// Command publish hands a filled-in struct to another goroutine with a
// send. The memory model guarantees that the receiver sees every write the
// sender made before the send, without a lock.
package main

import "fmt"

type config struct {
	name    string
	workers int
	tags    []string
}

func main() {
	ready := make(chan *config)
	go func() {
		c := &config{name: "prod"} // all of this happens before the send...
		c.workers = 8
		c.tags = append(c.tags, "eu", "fast")
		ready <- c // ...and the send is synchronized before the receive completes
		// From here on, c belongs to the receiver: writing to it now would
		// be a data race.
	}()
	c := <-ready
	fmt.Println(c.name, c.workers, c.tags)
}
