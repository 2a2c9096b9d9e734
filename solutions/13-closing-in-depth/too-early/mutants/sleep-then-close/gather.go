// Mutant: closes values after a pause of a second instead of after the
// last producer: a guess at how long the producers take.
// Package tooearly is about closing a channel that several goroutines send
// on: after the last of them is done, and not before.
package tooearly

import (
	"sync"
	"time"
)

// Gather runs every producer in a goroutine of its own, at the same time.
// A producer calls emit once for each value it produces, and then returns.
// Gather returns every value emitted by every producer (in any order), once
// all the producers have returned.
func Gather(producers []func(emit func(int))) []int {
	values := make(chan int)
	var wg sync.WaitGroup
	for _, produce := range producers {
		wg.Go(func() {
			produce(func(v int) { values <- v })
		})
	}
	// The closer: the only goroutine that knows when the last producer is
	// done. It must run beside the loop below, which receives meanwhile.
	go func() {
		time.Sleep(time.Second) // "the producers are done by then"
		close(values)
	}()
	var all []int
	for v := range values {
		all = append(all, v)
	}
	return all
}
