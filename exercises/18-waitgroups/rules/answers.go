package rules

// Answers is your prediction for every snippet of snippets.go, by name.
//
// Replace each Unknown with Completes, BlocksForever or Panics. Decide
// from the code and the lesson, not by running it.
var Answers = map[string]Outcome{
	// TODO: predict each one.
	"wait-at-zero":       Unknown,
	"done-without-add":   Unknown,
	"one-done-short":     Unknown,
	"add-then-take-back": Unknown,
	"done-twice":         Unknown,
	"wait-twice":         Unknown,
	"reuse-after-wait":   Unknown,
	"go-inside-go":       Unknown,
	"two-waiters":        Unknown,
	"wait-before-go":     Unknown,
	"deferred-done":      Unknown,
	"done-before-wait":   Unknown,
}
