// Mutant: starts a goroutine per image instead of workers goroutines, so
// any number of images are resized at once and the pipeline finishes too
// early whenever workers is smaller than what the reader can feed.

// Package fanout speeds up the slow stage of a pipeline.
package fanout

import "sync"

// Resize runs resize on every image from in, and sends the results on the
// channel it returns.
func Resize(in <-chan string, workers int, resize func(image string) string) <-chan string {
	out := make(chan string)
	go func() {
		var wg sync.WaitGroup
		for img := range in {
			wg.Go(func() { out <- resize(img) })
		}
		wg.Wait()
		close(out)
	}()
	return out
}
