// Package wholedeadline is about the difference between a timeout for
// each wait and a deadline for a whole loop.
package wholedeadline

import "time"

// Collect receives values from in and returns them, in order, when in is
// closed or when limit has passed since Collect was called, whichever
// comes first. At the deadline it returns at once, with what it has.
func Collect(in <-chan int, limit time.Duration) []int {
	var got []int
	for {
		select {
		case v, ok := <-in:
			if !ok {
				return got
			}
			got = append(got, v)
		// TODO: time.After starts a new timer every time round the loop,
		// so each value starts the wait again: a producer that sends more
		// often than limit keeps Collect going for ever. The limit is for
		// the whole call.
		case <-time.After(limit):
			return got
		}
	}
}
