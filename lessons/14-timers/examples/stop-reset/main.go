// Command stop-reset shows what Stop and Reset report, with Go 1.23
// timers: "was the timer still pending?", where a fired timer whose value
// nobody has received yet still counts as pending.
package main

import (
	"fmt"
	"time"
)

// show prints a label and a result in two columns.
func show(label string, v bool) { fmt.Printf("%-27s %v\n", label, v) }

func main() {
	t := time.NewTimer(time.Hour)
	show("Stop while running:", t.Stop()) // true: it was pending
	show("Stop again:", t.Stop())         // false: already stopped

	show("Reset a stopped timer:", t.Reset(20*time.Millisecond)) // false
	time.Sleep(50 * time.Millisecond)                            // it fires; nobody receives
	show("Stop, fired, not received:", t.Stop())                 // true since Go 1.23
	select {
	case <-t.C:
		fmt.Println("received a stale value")
	default:
		fmt.Println("no stale value after Stop")
	}

	t.Reset(20 * time.Millisecond)
	<-t.C
	show("Reset after receiving:", t.Reset(time.Hour)) // false: it had fired and was received
	t.Stop()
}
