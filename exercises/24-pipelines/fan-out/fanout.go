// Package fanout speeds up the slow stage of a pipeline by running several
// copies of it.
package fanout

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
	// TODO: one goroutine resizes every image, one after another, however
	// many workers were asked for. The tests measure, on a fake clock,
	// when the last thumbnail comes out.
	go func() {
		defer close(out)
		for img := range in {
			out <- resize(img)
		}
	}()
	return out
}
