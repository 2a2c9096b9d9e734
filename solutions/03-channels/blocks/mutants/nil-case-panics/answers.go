// Mutant: believes a select with a nil channel in one case panics, as close
// of a nil channel does; a nil channel is simply never ready.
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
	"range-open":             BlocksForever, // an empty buffer is not the end: only close is
	"select-default":         Completes,     // no receiver, so the default case runs
	"select-nil-case":        Panics,        // "a nil channel panics"
	"close-twice":            Panics,        // close of closed channel
	"partner-goroutine":      Completes,     // the two sides meet
	"receive-own-send":       BlocksForever, // <-ch is evaluated first, on an empty channel
	"close-nil":              Panics,        // close of nil channel
}
