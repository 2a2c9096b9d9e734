// Package rendezvous: the worker writes, then receives on an unbuffered
// channel; the main goroutine reads after its send completes. Race-free only
// because a receive from an unbuffered channel happens before the
// corresponding send completes.
package rendezvous

func Ack() int {
	ch := make(chan int)
	x := 0
	go func() {
		x = 42
		<-ch
	}()
	ch <- 1
	return x
}
