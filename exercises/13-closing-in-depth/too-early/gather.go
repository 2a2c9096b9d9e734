// Package tooearly is about closing a channel that several goroutines send
// on: after the last of them is done, and not before.
package tooearly

import "sync"

// Gather runs every producer in a goroutine of its own, at the same time.
// A producer calls emit once for each value it produces, and then returns.
// Gather returns every value emitted by every producer (in any order), once
// all the producers have returned.
//
// The version below passes the tests on some runs and panics on others.
// Find out why, and fix it.
func Gather(producers []func(emit func(int))) []int {
	values := make(chan int)
	var once sync.Once
	for _, produce := range producers {
		go func() {
			produce(func(v int) { values <- v })
			// TODO: this producer is done. Are the others?
			once.Do(func() { close(values) })
		}()
	}
	var all []int
	for v := range values {
		all = append(all, v)
	}
	return all
}
