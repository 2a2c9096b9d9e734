// Mutant: never blocks by sending in a new goroutine, and reports true at
// once: a job offered to a full queue is not refused, and the goroutine
// waits for room, or for ever.
package offer

// Offer puts job in queue if there is room, and reports whether it did.
func Offer(queue chan<- int, job int) bool {
	go func() { queue <- job }()
	return true
}
