// Mutant: believes that a Go from inside a counted goroutine is misuse,
// and that one too many Done is simply ignored.
package rules

// Answers is your prediction for every snippet of snippets.go, by name.
var Answers = map[string]Outcome{
	"wait-at-zero":       Completes,
	"done-without-add":   Completes,
	"one-done-short":     BlocksForever,
	"add-then-take-back": Completes,
	"done-twice":         Completes,
	"wait-twice":         Completes,
	"reuse-after-wait":   Completes,
	"go-inside-go":       Panics,
	"two-waiters":        Completes,
	"wait-before-go":     Completes,
	"deferred-done":      BlocksForever,
	"done-before-wait":   Completes,
}
