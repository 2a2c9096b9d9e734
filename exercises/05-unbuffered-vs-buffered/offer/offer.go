// Package offer is about sending only if the send will not wait.
package offer

// Offer puts job on queue if it can do so without waiting, and reports
// whether it did. It never waits: when the queue is full, it returns false
// at once and the job is dropped (the caller may retry later, or report
// that the service is busy). Many goroutines call Offer on the same queue
// at the same time.
//
// This version looks at the queue before it sends. On most runs that
// works; on some schedules an Offer waits for ever.
func Offer(queue chan<- int, job int) bool {
	// TODO: between the check and the send, another goroutine can take the
	// last free place.
	if len(queue) == cap(queue) {
		return false
	}
	queue <- job
	return true
}
