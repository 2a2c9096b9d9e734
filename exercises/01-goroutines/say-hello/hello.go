// Package sayhello is your first goroutine exercise.
//
// Greet must greet every name in its own goroutine, so that the greetings
// run at the same time, and it must not return before every greeting has
// finished: a function that returns while its goroutines are still working
// is the library version of a main that exits too early.
package sayhello

// Greet calls greet(name) once for every name in names. Each call runs in
// its own goroutine, and all of them may run at the same time. Greet returns
// only after every call to greet has returned.
//
// greet is safe to call from several goroutines at once.
func Greet(names []string, greet func(name string)) {
	for _, name := range names {
		go greet(name)
	}
	// TODO: Greet returns here while the greetings may still be running.
	// Make it wait until every greet call has returned (the lesson shows
	// two ways: a sync.WaitGroup, or one message per goroutine on a channel).
}
