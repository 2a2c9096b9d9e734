// Mutant: believes that a range loop over a channel ends when its buffer is
// empty; it ends only when the channel is closed and drained.
package blocks

// Answers is your prediction for every snippet of snippets.go, by name.
//
// Replace each Unknown with Completes, BlocksForever or Panics. Decide
// from the code and the lesson's table, not by running it.
var Answers = map[string]Outcome{
	"send-unbuffered":        BlocksForever, // no receiver will ever come
	"send-buffered":          Completes,     // room for one
	"send-twice-cap-1":       BlocksForever, // the second value finds the buffer full
	"receive-more-than-sent": BlocksForever, // one value in, two receives
	"receive-after-close":    Completes,     // zero value, ok == false, at once
	"send-after-close":       Panics,        // send on closed channel
	"range-closed":           Completes,     // range drains 1 and 2, then sees the close
	"range-open":             Completes,     // WRONG: range does not end when the buffer is empty
	"select-default":         Completes,     // no receiver, so the default case runs
	"select-nil-case":        BlocksForever, // a nil channel is never ready; nobody receives
	"close-twice":            Panics,        // close of closed channel
	"partner-goroutine":      Completes,     // the two sides meet
	"receive-own-send":       BlocksForever, // <-ch is evaluated first, on an empty channel
	"close-nil":              Panics,        // close of nil channel
}
