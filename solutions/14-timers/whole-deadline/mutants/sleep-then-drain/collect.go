// Mutant: sleeps for the whole limit and then takes what is ready without
// waiting. Nobody receives during the sleep, so the producer's unbuffered
// sends wait, and values are missed.
package wholedeadline

import "time"

func Collect(in <-chan int, limit time.Duration) []int {
	time.Sleep(limit)
	var got []int
	for {
		select {
		case v, ok := <-in:
			if !ok {
				return got
			}
			got = append(got, v)
		default:
			return got
		}
	}
}
