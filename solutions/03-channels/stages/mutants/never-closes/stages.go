// Mutant: Square never closes its output. The next stage's range loop
// waits for ever after the last value, and Sum never returns.
// Package stages is a pipeline: goroutines joined by channels, each stage
// receiving from the one before and sending to the one after.
package stages

// Generate returns a channel on which a goroutine sends nums, in order,
// and then closes it.
func Generate(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out) // the only sender closes, when it is done
		for _, n := range nums {
			out <- n
		}
	}()
	return out
}

// Square returns a channel on which a goroutine sends work(v) for every v
// received from in, in order, and which it closes once in is closed and
// drained. work is slow, so Square must pass each result on as soon as it
// has it: while the next stage works on one value, Square already works
// on the next one.
func Square(in <-chan int, work func(int) int) <-chan int {
	out := make(chan int)
	go func() {
		for v := range in { // ends when the previous stage closes in
			out <- work(v) // passed on at once; meanwhile the next stage works
		}
	}()
	return out
}

// Sum receives from in until it is closed and returns the sum.
func Sum(in <-chan int) int {
	total := 0
	for v := range in {
		total += v
	}
	return total
}
