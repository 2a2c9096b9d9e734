// Command gate handles requests at most one per tick of a time.Ticker, and
// prints when each one started, rounded to 100ms.
package main

import (
	"fmt"
	"time"
)

func main() {
	requests := []string{"a", "b", "c", "d"}
	start := time.Now()

	ticker := time.NewTicker(200 * time.Millisecond)
	defer ticker.Stop() // a ticker ticks until it is stopped

	for _, r := range requests {
		<-ticker.C // one request per tick
		fmt.Println(time.Since(start).Round(100*time.Millisecond), "request", r)
		time.Sleep(50 * time.Millisecond) // the work does not shift the beat
	}
}
