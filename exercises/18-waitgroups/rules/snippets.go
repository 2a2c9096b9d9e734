// Package rules asks you to predict what a dozen short uses of a
// sync.WaitGroup do: complete, block forever, or panic.
//
// Read each snippet below and write your prediction in answers.go. Do not
// change this file: the tests run every snippet on a fresh WaitGroup, in a
// goroutine of its own, and compare what really happens with what you
// predicted. "Blocks forever" means that the goroutine running the snippet
// waits and nothing in the snippet could ever wake it.
//
// Use the rules in the lesson ("The counter", "Add before go", "Reusing a
// WaitGroup") and predict first; run the tests only to check.
package rules

import "sync"

// An Outcome is what a snippet does.
type Outcome int

const (
	Unknown       Outcome = iota // no prediction yet
	Completes                    // runs to its end
	BlocksForever                // waits, and nothing in it can wake it
	Panics                       // stops with a panic
)

func (o Outcome) String() string {
	switch o {
	case Completes:
		return "Completes"
	case BlocksForever:
		return "BlocksForever"
	case Panics:
		return "Panics"
	}
	return "Unknown"
}

// A Snippet is a piece of WaitGroup code. Run gets a fresh WaitGroup.
type Snippet struct {
	Name string
	Run  func(wg *sync.WaitGroup)
}

func nothing() {}

// Snippets are the programs to predict, in the order of answers.go.
var Snippets = []Snippet{
	{"wait-at-zero", func(wg *sync.WaitGroup) {
		wg.Wait()
	}},
	{"done-without-add", func(wg *sync.WaitGroup) {
		wg.Done()
	}},
	{"one-done-short", func(wg *sync.WaitGroup) {
		wg.Add(2)
		go wg.Done()
		wg.Wait()
	}},
	{"add-then-take-back", func(wg *sync.WaitGroup) {
		wg.Add(3)
		wg.Add(-3)
		wg.Wait()
	}},
	{"done-twice", func(wg *sync.WaitGroup) {
		wg.Add(1)
		wg.Done()
		wg.Done()
	}},
	{"wait-twice", func(wg *sync.WaitGroup) {
		wg.Go(nothing)
		wg.Wait()
		wg.Wait()
	}},
	{"reuse-after-wait", func(wg *sync.WaitGroup) {
		wg.Go(nothing)
		wg.Wait()
		wg.Go(nothing)
		wg.Wait()
	}},
	{"go-inside-go", func(wg *sync.WaitGroup) {
		wg.Go(func() {
			wg.Go(nothing)
		})
		wg.Wait()
	}},
	{"two-waiters", func(wg *sync.WaitGroup) {
		wg.Add(1)
		seen := make(chan struct{})
		go func() {
			wg.Wait()
			close(seen)
		}()
		wg.Done()
		wg.Wait()
		<-seen
	}},
	{"wait-before-go", func(wg *sync.WaitGroup) {
		wg.Wait()
		wg.Go(nothing)
	}},
	{"deferred-done", func(wg *sync.WaitGroup) {
		wg.Add(1)
		defer wg.Done()
		wg.Wait()
	}},
	{"done-before-wait", func(wg *sync.WaitGroup) {
		wg.Add(1)
		wg.Done()
		wg.Wait()
	}},
}
