// Package thirdsend is about choosing a buffer by its timeline.
//
// Dispatch below hands jobs to workers over the channel that NewQueue, in
// queue.go, makes. Do not change this file: change queue.go.
package thirdsend

import "time"

// Dispatch sends every job on a channel made by NewQueue(workers) to that
// many workers, each of which needs one second per job. sent is called
// with the job's index as soon as the send of that job completes. Dispatch
// returns when all the work is done.
func Dispatch(jobs []string, workers int, sent func(i int)) {
	queue := NewQueue(workers)
	done := make(chan struct{})
	for range workers {
		go func() {
			for range queue {
				time.Sleep(time.Second) // the work
			}
			done <- struct{}{}
		}()
	}
	for i, job := range jobs {
		queue <- job
		sent(i)
	}
	close(queue)
	for range workers {
		<-done
	}
}
