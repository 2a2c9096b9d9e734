// Package fanin joins the outputs of several stages into one channel.
package fanin

import "context"

// Merge forwards every value from every channel in ins to the one channel
// it returns, as values arrive, whichever input they come from. The values
// of each input keep their order.
//
// The output is closed once every input is closed and drained, and not
// before: a consumer ranging over it sees every value. With no inputs at
// all it is closed at once.
//
// When ctx is done, Merge stops forwarding and closes the output soon
// after, even if the consumer has stopped reading and the inputs are still
// open: no goroutine started by Merge may be left behind.
func Merge(ctx context.Context, ins ...<-chan int) <-chan int {
	out := make(chan int)
	// TODO: start one forwarding goroutine per input; close out once all
	// of them have finished (who can know that?); make every wait of
	// theirs also wait for ctx.Done().
	close(out)
	return out
}
