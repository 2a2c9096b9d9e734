// Mutant: one deadline for the loop, but a millisecond short.
package wholedeadline

import "time"

func Collect(in <-chan int, limit time.Duration) []int {
	deadline := time.After(limit - time.Millisecond)
	var got []int
	for {
		select {
		case v, ok := <-in:
			if !ok {
				return got
			}
			got = append(got, v)
		case <-deadline:
			return got
		}
	}
}
