// Mutant: the producer closes results as soon as it has handed out the last
// job, while a worker may still be squaring it: send on closed channel.
package earlyclose

// Squares squares every number on a pool of workers and returns the
// squares, in any order. workers is at least 1.
func Squares(nums []int, workers int) []int {
	jobs := make(chan int)
	results := make(chan int)

	for range workers {
		go func() {
			for n := range jobs {
				results <- n * n
			}
		}()
	}

	go func() {
		for _, n := range nums {
			jobs <- n
		}
		close(jobs)
		close(results) // every job is handed out: surely the results are in?
	}()

	var out []int
	for r := range results {
		out = append(out, r)
	}
	return out
}
