// Command three-stages is the smallest pipeline: a generator, a stage that
// squares, and main printing what comes out. Each stage closes the channel
// it sends on, and the close travels down the pipeline.
package main

import "fmt"

// gen sends nums, then closes its output: "no more values".
func gen(nums ...int) <-chan int {
	numbers := make(chan int)
	go func() {
		defer close(numbers)
		for _, n := range nums {
			numbers <- n
		}
	}()
	return numbers
}

// square sends the square of every value it receives, and closes its
// output when its input is closed and drained.
func square(in <-chan int) <-chan int {
	squares := make(chan int)
	go func() {
		defer close(squares)
		for n := range in {
			squares <- n * n
		}
	}()
	return squares
}

func main() {
	for v := range square(gen(1, 2, 3)) {
		fmt.Println(v)
	}
	fmt.Println("the pipeline is empty")
}
