// Command select-loop receives from two channels at once until both are
// closed, turning off each case when its channel is done by setting it to
// nil: a nil channel is never ready.
package main

import "fmt"

func send(out chan<- int, values ...int) {
	for _, v := range values {
		out <- v
	}
	close(out)
}

func main() {
	odd, even := make(chan int), make(chan int)
	go send(odd, 1, 3, 5)
	go send(even, 2, 4)

	sum, count := 0, 0
	for odd != nil || even != nil {
		select {
		case v, ok := <-odd:
			if !ok {
				odd = nil // closed: never select this case again
				continue
			}
			sum, count = sum+v, count+1
		case v, ok := <-even:
			if !ok {
				even = nil
				continue
			}
			sum, count = sum+v, count+1
		}
	}
	// Which values arrived first changes from run to run; these do not.
	fmt.Println("received", count, "values, sum", sum)

	// With default, select never waits: a way to try an operation.
	full := make(chan int, 1)
	full <- 1
	select {
	case full <- 2:
		fmt.Println("sent 2")
	default:
		fmt.Println("no room for 2: did not wait")
	}
}
