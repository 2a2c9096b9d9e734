// Package shutdownorder asks you to predict the timeline of a shutdown.
//
// Program below hands jobs to a worker through a buffered channel until a
// signal arrives, then closes the channel and waits for the worker. Read it,
// work out what it logs and when, and write your prediction in answer.go.
// Do not change this file: the test runs it on a fake clock, delivers
// SIGTERM at 2.5s, and compares.
package shutdownorder

import (
	"fmt"
	"os"
	"sync"
	"time"
)

// An Event is something the program logs, and when: At is the time since
// Program was called.
type Event struct {
	At   time.Duration
	What string
}

// Program is the program whose timeline you predict. sigs is the channel
// that signal.Notify would fill; log records one event and returns at once.
func Program(sigs <-chan os.Signal, log func(what string)) {
	jobs := make(chan int, 1) // room for one job waiting
	var wg sync.WaitGroup
	wg.Go(func() { // the worker: a job takes one second
		for j := range jobs {
			time.Sleep(time.Second)
			log(fmt.Sprint("job ", j, " done"))
		}
		log("worker stopped")
	})

	for i := 1; ; i++ {
		select {
		case jobs <- i:
			log(fmt.Sprint("job ", i, " queued"))
		case s := <-sigs:
			log("got " + s.String())
			close(jobs)
			wg.Wait()
			log("bye")
			return
		}
	}
}
