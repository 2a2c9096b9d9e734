// Package offer is about sending only if the send will not wait.
package offer

// Offer puts job on queue if it can do so without waiting, and reports
// whether it did. It never waits: when the queue is full, it returns false
// at once and the job is dropped (the caller may retry later, or report
// that the service is busy). Many goroutines call Offer on the same queue
// at the same time.
func Offer(queue chan<- int, job int) bool {
	// One operation under the channel's lock: the send happens if there is
	// room or a waiting reader, and otherwise nothing happens.
	select {
	case queue <- job:
		return true
	default:
		return false
	}
}
