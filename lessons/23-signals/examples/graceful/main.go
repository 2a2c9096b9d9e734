// Command graceful hands jobs to a worker until SIGTERM comes, then takes
// no new job, lets the worker finish the one it has, and exits.
//
// So that it prints the same on every run, the signal does not come from
// outside here: a goroutine puts SIGTERM in the channel at 1.5s, as the
// runtime would when the process gets it. Times are rounded down to half
// seconds, so that a goroutine woken a few milliseconds late changes
// nothing.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	start := time.Now()
	since := func() time.Duration { return time.Since(start).Truncate(time.Second / 2) }

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	go func() { // stands in for `kill -TERM <pid>` at 1.5s
		time.Sleep(1500 * time.Millisecond)
		sigs <- syscall.SIGTERM
	}()

	jobs := make(chan int)
	done := make(chan struct{})
	go func() { // the worker: a job takes a second
		for j := range jobs {
			time.Sleep(time.Second)
			fmt.Println("job", j, "done at", since())
		}
		close(done)
	}()

	for i := 1; ; i++ {
		select {
		case jobs <- i:
		case s := <-sigs:
			fmt.Println("got", s, "at", since(), "- no new jobs")
			close(jobs) // the worker finishes what it has, then stops
			<-done
			fmt.Println("all work finished at", since())
			return
		}
	}
}
