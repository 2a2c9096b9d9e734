// Package handshake is about knowing when the other side is done, not just
// when it has taken something.
package handshake

// Stream hands the items, one at a time, to consume, which runs in a
// goroutine of its own. To save memory it uses one buffer for every item:
// it calls fill(i) and copies items[i] into the buffer, then hands the
// buffer over.
//
// consume may read the buffer for as long as it runs, so Stream must not
// fill the buffer again until consume has *returned* for the previous
// item. It must not wait longer than that either. Stream returns when the
// last consume has returned, and leaves no goroutine behind.
func Stream(items []string, fill func(i int), consume func(b []byte)) {
	buf := make([]byte, 0, 64)
	work := make(chan []byte)  // unbuffered: a send completes when consume's goroutine takes it
	ack := make(chan struct{}) // the reply: "consume has returned"
	done := make(chan struct{})

	go func() {
		for b := range work {
			consume(b)
			ack <- struct{}{} // only now is the buffer free again
		}
		close(done)
	}()

	for i, it := range items {
		fill(i)
		buf = append(buf[:0], it...) // safe: consume has returned for the previous item
		work <- buf                  // the goroutine has taken the buffer...
		<-ack                        // ...and now it has finished with it
	}
	close(work)
	<-done
}
