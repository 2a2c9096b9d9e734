// Package stopflag: a worker that polls a stop flag without the lock that
// Stop takes to set it.
package stopflag

import (
	"sync"
	"time"
)

type Worker struct {
	mu      sync.Mutex
	stopped bool
	done    chan struct{}
	Ticks   int
}

func Start() *Worker {
	w := &Worker{done: make(chan struct{})}
	go w.loop()
	return w
}

func (w *Worker) loop() {
	defer close(w.done)
	for !w.stopped { // read without w.mu
		w.Ticks++
		time.Sleep(time.Millisecond)
	}
}

func (w *Worker) Stop() {
	w.mu.Lock()
	w.stopped = true
	w.mu.Unlock()
	<-w.done
}
