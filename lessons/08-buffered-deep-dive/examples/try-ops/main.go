// Command try-ops sends and receives without ever blocking, with select
// and default.
package main

import "fmt"

// trySend sends v on ch if that can be done now, and reports whether it
// was.
func trySend(ch chan<- int, v int) bool {
	select {
	case ch <- v:
		return true
	default:
		return false
	}
}

// tryRecv receives from ch if a value is ready now. ok is false when
// nothing was ready; closed is true when ch is closed and drained.
func tryRecv(ch <-chan int) (v int, ok, closed bool) {
	select {
	case v, open := <-ch:
		return v, open, !open
	default:
		return 0, false, false
	}
}

func main() {
	ch := make(chan int, 1)
	fmt.Println("send 1:", trySend(ch, 1)) // room: sent
	fmt.Println("send 2:", trySend(ch, 2)) // full: default
	v, ok, closed := tryRecv(ch)
	fmt.Println("receive:", v, ok, closed) // 1 was ready
	v, ok, closed = tryRecv(ch)
	fmt.Println("receive:", v, ok, closed) // empty: default
	close(ch)
	v, ok, closed = tryRecv(ch)
	fmt.Println("receive:", v, ok, closed) // closed: ready at once, with the zero value
}
