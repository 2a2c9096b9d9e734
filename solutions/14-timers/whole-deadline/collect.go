// Package wholedeadline is about the difference between a timeout for
// each wait and a deadline for a whole loop.
package wholedeadline

import "time"

// Collect receives values from in and returns them, in order, when in is
// closed or when limit has passed since Collect was called, whichever
// comes first. At the deadline it returns at once, with what it has.
func Collect(in <-chan int, limit time.Duration) []int {
	deadline := time.NewTimer(limit) // one timer for the whole call
	defer deadline.Stop()
	var got []int
	for {
		select {
		case v, ok := <-in:
			if !ok {
				return got
			}
			got = append(got, v)
		case <-deadline.C:
			return got
		}
	}
}
