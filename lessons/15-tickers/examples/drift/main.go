// Command drift runs a job of 30ms every 100ms, first with time.Sleep
// between the jobs, then with a ticker, and prints when each job started.
// The times are real, so they vary a little from run to run.
package main

import (
	"fmt"
	"time"
)

const period = 100 * time.Millisecond

// job stands for some work that takes 30ms.
func job() { time.Sleep(30 * time.Millisecond) }

func main() {
	start := time.Now()
	fmt.Print("sleep between jobs:")
	for range 4 {
		fmt.Printf(" %v", time.Since(start).Round(time.Millisecond))
		job()
		time.Sleep(period) // counts from the end of the job, not from its start
	}
	fmt.Println()

	start = time.Now()
	fmt.Print("ticker:            ")
	t := time.NewTicker(period)
	defer t.Stop()
	for i := range 4 {
		fmt.Printf(" %v", time.Since(start).Round(time.Millisecond))
		job()
		if i < 3 {
			<-t.C // the ticks are due at 100ms, 200ms, 300ms whatever the job took
		}
	}
	fmt.Println()
}
