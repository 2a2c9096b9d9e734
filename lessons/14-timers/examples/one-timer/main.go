// Command one-timer makes a timer, waits for it, and looks at its channel.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	t := time.NewTimer(50 * time.Millisecond)
	fmt.Println("len and cap of t.C:", len(t.C), cap(t.C)) // 0 0 since Go 1.23

	fired := <-t.C // the value is the time at which the timer fired
	fmt.Println("fired after at least 50ms:", fired.Sub(start) >= 50*time.Millisecond)

	select {
	case <-t.C:
		fmt.Println("a second value")
	case <-time.After(100 * time.Millisecond):
		fmt.Println("nothing more: a timer fires once")
	}
}
