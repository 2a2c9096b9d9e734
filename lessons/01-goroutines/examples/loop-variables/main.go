// Command loop-variables shows which loops make a new variable per
// iteration (since Go 1.22) and which do not.
package main

import "fmt"

func run(fs []func() int) []int {
	var out []int
	for _, f := range fs {
		out = append(out, f())
	}
	return out
}

func main() {
	// Declared by the for statement with :=, so each iteration has its own
	// i (Go 1.22 and later; before, all three closures shared one i).
	var perIteration []func() int
	for i := 0; i < 3; i++ {
		perIteration = append(perIteration, func() int { return i })
	}
	fmt.Println("for i := ...:", run(perIteration))

	// Declared before the loop and only assigned by it: one j for all
	// iterations, in every version of Go. The closures run after the loop,
	// when j is 3.
	var shared []func() int
	var j int
	for j = 0; j < 3; j++ {
		shared = append(shared, func() int { return j })
	}
	fmt.Println("for j = ...: ", run(shared))
}
