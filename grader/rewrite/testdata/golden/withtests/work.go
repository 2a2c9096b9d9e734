package work

// Fan sends 0..n-1 on a new channel and closes it.
func Fan(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			out <- i
		}
	}()
	return out
}
