// Mutant: an unbuffered queue, as if the workers' hands were the buffer:
// every send waits for a worker to receive, so the producer never runs ahead.
package thirdsend

// NewQueue makes the channel between Dispatch and its workers.
//
// The producer should run ahead of the workers exactly this far, and no
// further: while every worker is busy with one job, one more job is already
// waiting for each of them. The tests check the moment each send of
// Dispatch completes, on a fake clock, to the nanosecond. With two workers
// and five jobs of one second:
//
//	send of job   1    2    3    4    5
//	unbuffered    0s   0s   1s   1s   2s   (no buffer)
//	wanted        0s   0s   0s   0s   1s
//
// With one worker and five jobs, wanted is 0s 0s 1s 2s 3s; with three
// workers and eight jobs, 0s 0s 0s 0s 0s 0s 1s 1s.
func NewQueue(workers int) chan string {
	// One slot per worker: while each worker works on a job, one more job
	// waits for it in the buffer. A send beyond that waits for a worker to
	// come back and take a job out.
	return make(chan string)
}
