// Package bounded is about doing many jobs with a fixed number of workers.
package bounded

// Map calls f once for every job and returns the results in the order of
// jobs: out[i] is f(jobs[i]).
//
// At most workers calls of f may run at the same moment, and Map should use
// all of them: while jobs are left, no worker stays idle. f is safe to call
// from several goroutines at once; a call may take a long time, and the
// calls do not finish in the order they started. workers is at least 1.
//
// Map returns only when every call of f has returned, and leaves no
// goroutine behind.
func Map(jobs []int, workers int, f func(job int) int) []int {
	out := make([]int, len(jobs))
	// TODO: this is correct, but it uses one worker whatever workers says.
	// Start exactly workers goroutines that take jobs from a channel, and
	// wait for all of them before returning.
	for i, job := range jobs {
		out[i] = f(job)
	}
	return out
}
