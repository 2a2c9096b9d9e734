// Mutant: subscribes before starting the goroutine, but with an unbuffered
// channel. The signal package never waits to deliver: a signal that comes
// while the server is busy handling a request is dropped.
// Package lostsignal is a server that stops on SIGINT or SIGTERM, except
// when the signal arrives at the wrong moment.
package lostsignal

import (
	"os"
	"syscall"
)

// Notify subscribes c to the signals sig. In a program it is signal.Notify
// itself: lostsignal.Start(signal.Notify, ...). The tests pass a fake that
// delivers signals the way the runtime does: with a send that never waits,
// so a signal that finds no room in c is lost.
type Notify func(c chan<- os.Signal, sig ...os.Signal)

// Start subscribes to SIGINT and SIGTERM with notify, then starts the
// server in a new goroutine and returns at once. The server handles the
// requests from reqs one at a time until a signal arrives, and then stops:
// wait returns the number of requests it handled.
//
// A signal sent at any moment after Start has returned must stop the
// server: while it is handling a request, and just after it has started.
func Start(notify Notify, reqs <-chan string, handle func(req string)) (wait func() int) {
	// Delivery never waits: the slot keeps a signal that comes while the
	// server is busy, or before it has reached its select.
	sigs := make(chan os.Signal)
	notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan int, 1)
	go func() {
		handled := 0
		for {
			select {
			case <-sigs:
				done <- handled
				return
			case r := <-reqs:
				handle(r)
				handled++
			}
		}
	}()
	return func() int { return <-done }
}
