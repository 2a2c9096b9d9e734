// Mutant: after handing the buffer over, sleeps for a second "to let
// consume finish" instead of waiting for its reply: a guess, not a signal.
package handshake

import "time"

// Stream fills buf with each item in turn and hands it to consume, which
// runs in its own goroutine.
func Stream(items []string, fill func(i int), consume func(b []byte)) {
	buf := make([]byte, 0, 64)
	work := make(chan []byte)
	done := make(chan struct{})

	go func() {
		for b := range work {
			consume(b)
		}
		close(done)
	}()

	for i, it := range items {
		fill(i)
		buf = append(buf[:0], it...)
		work <- buf
		time.Sleep(time.Second) // "consume is done by then"
	}
	close(work)
	<-done
}
