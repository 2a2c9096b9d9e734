// Command range-until-close lets a producer say "that was the last one" by
// closing its channel; the consumer's for range stops there.
package main

import "fmt"

func squares(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out) // the producer knows when it has sent the last value
		for i := 1; i <= n; i++ {
			out <- i * i
		}
	}()
	return out
}

func main() {
	sum := 0
	for sq := range squares(5) { // ends when out is closed and empty
		fmt.Println(sq)
		sum += sq
	}
	fmt.Println("sum", sum)
}
