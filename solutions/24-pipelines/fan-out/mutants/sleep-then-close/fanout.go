// Mutant: closes out after a pause of a second instead of after the last
// worker: a guess at how long the last images take.
// Package fanout speeds up the slow stage of a pipeline by running several
// copies of it.
package fanout

import (
	"sync"
	"time"
)

// Resize is the middle stage of a pipeline that makes thumbnails. It
// receives images from in, runs resize on each, and sends the results on
// the channel it returns, in any order. It closes that channel once in is
// closed and every image has been resized and sent.
//
// resize is the slow stage of the pipeline. Resize runs workers copies of
// it at the same time (fan-out), all reading from in, all sending to the
// one output (fan-in), so that while one image is being resized the next
// ones need not wait. workers is at least 1. resize may be called from
// several goroutines at once.
func Resize(in <-chan string, workers int, resize func(image string) string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	for range workers { // fan-out: every worker takes the next image from in
		wg.Go(func() {
			for img := range in {
				out <- resize(img) // fan-in: all send on the one out
			}
		})
	}
	// out has several senders, so none of them may close it: a goroutine
	// of its own closes it once the last sender is done.
	go func() {
		time.Sleep(time.Second) // "the workers are done by then"
		close(out)
	}()
	return out
}
