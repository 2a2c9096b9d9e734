package blocks

// Answers is your prediction for every snippet of snippets.go, by name.
//
// Replace each Unknown with Completes, BlocksForever or Panics. Decide
// from the code and the lesson's table, not by running it.
var Answers = map[string]Outcome{
	// TODO: predict each one.
	"send-unbuffered":        Unknown,
	"send-buffered":          Unknown,
	"send-twice-cap-1":       Unknown,
	"receive-more-than-sent": Unknown,
	"receive-after-close":    Unknown,
	"send-after-close":       Unknown,
	"range-closed":           Unknown,
	"range-open":             Unknown,
	"select-default":         Unknown,
	"select-nil-case":        Unknown,
	"close-twice":            Unknown,
	"partner-goroutine":      Unknown,
	"receive-own-send":       Unknown,
	"close-nil":              Unknown,
}
