package rules

// Answers is your prediction for every snippet of snippets.go, by name.
var Answers = map[string]Outcome{
	"wait-at-zero":       Completes,     // counter 0: Wait returns at once
	"done-without-add":   Panics,        // counter -1: "sync: negative WaitGroup counter"
	"one-done-short":     BlocksForever, // counter stays at 1
	"add-then-take-back": Completes,     // 3 - 3 = 0
	"done-twice":         Panics,        // 1 - 1 - 1 = -1
	"wait-twice":         Completes,     // the second Wait sees 0
	"reuse-after-wait":   Completes,     // the new Go comes after the first Wait returned
	"go-inside-go":       Completes,     // the inner Go runs while the counter is 1
	"two-waiters":        Completes,     // reaching zero releases every waiter
	"wait-before-go":     Completes,     // Wait saw 0 and returned; the Go came too late to be waited for
	"deferred-done":      BlocksForever, // the Done would run after Wait returns, and Wait never does
	"done-before-wait":   Completes,     // Wait sees 0: the Done need not wait for a waiter
}
