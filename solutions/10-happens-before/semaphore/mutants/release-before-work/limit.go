// Mutant: takes a slot and gives it back before the task runs, so the
// semaphore limits nothing.
// Package semaphore is about the happens-before rule that makes a buffered
// channel a counting semaphore.
package semaphore

// RunLimited runs every task, each in its own goroutine, but never more
// than limit of them at the same moment. It returns when every task has
// returned. limit is at least 1.
//
// Use a buffered channel of capacity limit as the semaphore: a send takes
// a slot, a receive gives it back. The memory model guarantees that the
// k-th receive is synchronized before the (k+limit)-th send completes, so
// the task that gets a freed slot starts after the task that freed it has
// finished.
func RunLimited(tasks []func(), limit int) {
	sem := make(chan struct{}, limit) // limit slots
	done := make(chan struct{})
	for _, task := range tasks {
		go func() {
			sem <- struct{}{} // "ask for permission"
			<-sem
			task()
			done <- struct{}{}
		}()
	}
	for range tasks {
		<-done
	}
}
