// Command merge fans in any number of channels into one: a forwarding
// goroutine per input, and a closer that waits for all of them.
package main

import (
	"fmt"
	"slices"
	"sync"
)

// merge returns a channel that carries every value of every input and is
// closed once all the inputs are closed and drained.
func merge[T any](inputs ...<-chan T) <-chan T {
	out := make(chan T)
	var wg sync.WaitGroup
	for _, in := range inputs {
		wg.Go(func() {
			for v := range in { // one forwarder per input
				out <- v
			}
		})
	}
	go func() {
		wg.Wait() // all forwarders done: nothing more will be sent on out
		close(out)
	}()
	return out
}

// count sends from..to on a new channel and closes it.
func count(from, to int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := from; i <= to; i++ {
			ch <- i
		}
	}()
	return ch
}

func main() {
	var all []int
	for v := range merge(count(1, 3), count(10, 12), count(100, 101)) {
		all = append(all, v)
	}
	slices.Sort(all)
	fmt.Println(all)
}
