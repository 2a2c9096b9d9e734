// Mutant: believes that a deferred Done already counts when Wait looks at
// the counter, as if Wait waited for the function to end.
package rules

// Answers is your prediction for every snippet of snippets.go, by name.
var Answers = map[string]Outcome{
	"wait-at-zero":       Completes,
	"done-without-add":   Panics,
	"one-done-short":     BlocksForever,
	"add-then-take-back": Completes,
	"done-twice":         Panics,
	"wait-twice":         Completes,
	"reuse-after-wait":   Completes,
	"go-inside-go":       Completes,
	"two-waiters":        Completes,
	"wait-before-go":     Completes,
	"deferred-done":      Completes,
	"done-before-wait":   Completes,
}
