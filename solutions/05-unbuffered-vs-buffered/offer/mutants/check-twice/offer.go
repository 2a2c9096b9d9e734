// Mutant: checks len twice before sending, as if a second look closed the
// gap. Another goroutine can still send between the last check and the
// send; and on an unbuffered queue it never sends at all.
package offer

// Offer puts job on queue if it can do so without waiting, and reports
// whether it did.
func Offer(queue chan<- int, job int) bool {
	if len(queue) == cap(queue) {
		return false
	}
	if len(queue) < cap(queue) {
		queue <- job
		return true
	}
	return false
}
