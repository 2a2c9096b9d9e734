// Package sayhello is your first goroutine exercise.
//
// Greet must greet every name in its own goroutine, so that the greetings
// run at the same time, and it must not return before every greeting has
// finished: a function that returns while its goroutines are still working
// is the library version of a main that exits too early.
package sayhello

import "sync"

// Greet calls greet(name) once for every name in names. Each call runs in
// its own goroutine, and all of them may run at the same time. Greet returns
// only after every call to greet has returned.
//
// greet is safe to call from several goroutines at once.
func Greet(names []string, greet func(name string)) {
	var wg sync.WaitGroup
	for _, name := range names {
		// Since Go 1.22 each iteration has its own name, so the closure
		// sees this iteration's value.
		wg.Go(func() { greet(name) })
	}
	wg.Wait()
}
