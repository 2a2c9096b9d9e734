// Command close-range shows what a receiver sees when the sender closes the
// channel: the values still in it first, then the zero value with ok false.
package main

import "fmt"

// countdown sends n, n-1, ..., 1 and closes out: it is the only sender, so
// it is the one who knows that nothing more will come.
func countdown(n int, out chan<- int) {
	for i := n; i > 0; i-- {
		out <- i
	}
	close(out)
}

func main() {
	ch := make(chan int, 3)
	go countdown(3, ch)

	// range receives until the channel is closed AND empty.
	for v := range ch {
		fmt.Println("received", v)
	}

	// A receive from a closed, empty channel never waits: it returns the
	// zero value at once. The second result says which case it was.
	v, ok := <-ch
	fmt.Println("after close:", v, ok)
	fmt.Println("and again:  ", <-ch)
}
