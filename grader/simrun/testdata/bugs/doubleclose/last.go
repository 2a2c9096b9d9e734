// Package doubleclose: each worker closes done when it thinks it is the last; the
// check and the close are not one step.
package doubleclose

import "sync/atomic"

func Run(workers int) {
	var left atomic.Int32
	left.Store(int32(workers))
	done := make(chan struct{})
	for range workers {
		go func() {
			left.Add(-1)
			if left.Load() == 0 { // bug: two workers can both see 0
				close(done)
			}
		}()
	}
	<-done
}
