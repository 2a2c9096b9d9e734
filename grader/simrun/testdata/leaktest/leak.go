package leak

// First returns the first of n answers and leaves the others' senders blocked.
func First(n int) int {
	answers := make(chan int)
	for i := range n {
		go func() { answers <- i }()
	}
	return <-answers
}
