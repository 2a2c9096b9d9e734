// A flag written without synchronisation decides whether main releases the
// worker: when the worker's write lands after main's read, nobody releases
// it, and main waits for it forever. The real runtime with one P runs main
// on after the go statement, so it reads first: the race detector reports
// the race, then the runtime reports the deadlock.
package main

import "fmt"

func main() {
	var started bool
	release := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		started = true // the racing write
		<-release
		close(finished)
	}()
	if started { // the racing read
		close(release)
	}
	<-finished
	fmt.Println("done")
}
