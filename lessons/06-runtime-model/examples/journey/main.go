// Command journey follows one goroutine through its states: running,
// parked on a channel, runnable again, asleep on a timer, parked on a
// send, and done. main only prints at moments that the channels make
// certain, so the output is the same on every run.
package main

import (
	"fmt"
	"time"
)

func main() {
	jobs := make(chan int)
	results := make(chan int)

	go func() { // the worker
		j := <-jobs                        // parks until main sends
		time.Sleep(100 * time.Millisecond) // parks on a timer: "working"
		results <- j * 10                  // parks until main receives
	}()

	fmt.Println("main: sending a job; the worker is parked in jobs' recvq, or about to be")
	jobs <- 4
	fmt.Println("main: the send is done, so the worker has the job: it is runnable, or already running")
	r := <-results
	fmt.Println("main: got", r, "- the worker has passed its send and is runnable until it ends")
}
