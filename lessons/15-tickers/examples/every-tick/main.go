// Command every-tick reads three ticks of a ticker, stops it, and shows
// that Stop ends the ticks without closing the channel.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	t := time.NewTicker(50 * time.Millisecond)
	for i := 1; i <= 3; i++ {
		tick := <-t.C // the value is the time the tick was due
		fmt.Printf("tick %d, due at %v\n", i, tick.Sub(start).Round(time.Millisecond))
	}

	t.Stop()
	select {
	case _, ok := <-t.C:
		fmt.Println("received after Stop, ok =", ok)
	case <-time.After(200 * time.Millisecond):
		fmt.Println("after Stop: no tick, and C is not closed")
	}
}
