// Command two-sources waits on two channels at once with select, and takes
// each message as soon as it arrives, whichever channel it comes on.
package main

import (
	"fmt"
	"time"
)

func main() {
	weather := make(chan string)
	news := make(chan string)

	go func() {
		time.Sleep(200 * time.Millisecond)
		weather <- "sunny, 21°C"
	}()
	go func() {
		time.Sleep(100 * time.Millisecond)
		news <- "Go 1.26 is out"
	}()

	// Two messages are coming, on two channels, in an order main does not
	// know. A receive on weather first would sit there while the news
	// waited; select takes whichever is ready first.
	for range 2 {
		select {
		case w := <-weather:
			fmt.Println("weather:", w)
		case n := <-news:
			fmt.Println("news:", n)
		}
	}
}
