// Mutant: collects the results on a channel and emits them in the order
// they arrive, which is the order the work finishes, not the order of i.
package inorder

// Process runs work(i) for every i in its own goroutine and hands the
// results to emit in the order of i.
func Process(n int, work func(i int) string, emit func(result string)) {
	results := make(chan string)
	for i := range n {
		go func() { results <- work(i) }()
	}
	for range n {
		emit(<-results)
	}
}
