// Package sendclosed: a producer that stops on a quit signal, and a consumer that
// closes the data channel itself when it has had enough: a send on the closed
// channel on a rare path.
package sendclosed

func Stream(n int) []int {
	data := make(chan int, 1)
	var got []int
	done := make(chan bool)
	go func() {
		defer func() { done <- true }()
		for i := 0; i < n; i++ {
			data <- i
		}
	}()
	for v := range data {
		got = append(got, v)
		if len(got) == 2 {
			close(data) // bug: the receiving side closes
			break
		}
	}
	<-done
	return got
}
