// Command wait-for-ctrl-c works until you press Ctrl-C (or send it SIGTERM
// with kill), then says which signal it got and exits by itself.
//
// Run it in a terminal; its output depends on when you press Ctrl-C.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	// Room for one signal: delivery never waits, and a signal that finds
	// the channel full is dropped.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	fmt.Println("working; press Ctrl-C to stop (pid", os.Getpid(), ")")

	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for n := 1; ; n++ {
		select {
		case <-tick.C:
			fmt.Println("still working,", n, "s")
		case s := <-sigs:
			fmt.Println("\ngot", s, "- cleaning up and exiting")
			return // deferred calls run: the program ends the normal way
		}
	}
}
