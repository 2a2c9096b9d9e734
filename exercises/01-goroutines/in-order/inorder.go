// Package inorder is about the order in which goroutines finish.
//
// Goroutines started one after another do not run, or finish, in the order
// they were started: the scheduler decides, and a goroutine with less work
// finishes first. When the order of results matters, the program has to
// impose it.
package inorder

import "sync"

// Process runs work(0), work(1), ..., work(n-1), each in its own goroutine,
// so that all the work overlaps. Then it hands each result to emit, in the
// order of i: emit(result of work(0)), emit(result of work(1)), and so on,
// whichever work finished first. emit must not be called by two goroutines
// at the same time.
//
// Process returns after the last emit has returned.
func Process(n int, work func(i int) string, emit func(result string)) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			// TODO: this emits each result the moment its work is done,
			// so results come out in the order the work finishes, not in
			// the order of i. Keep the work concurrent, but emit in order.
			emit(work(i))
		})
	}
	wg.Wait()
}
