// Command cpu-vs-io times four computing tasks and four waiting tasks, with
// one P and with one P per CPU. The times depend on the machine, so its
// output differs from run to run; the shape does not.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

// spin computes for a while and returns something, so that the compiler
// cannot skip the work.
func spin(rounds int) uint64 {
	x := uint64(1)
	for range rounds {
		x = x*6364136223846793005 + 1442695040888963407
	}
	return x
}

// timeTasks runs n copies of task in goroutines and returns how long the
// whole group took.
func timeTasks(n int, task func(i int)) time.Duration {
	start := time.Now()
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { task(i) })
	}
	wg.Wait()
	return time.Since(start).Round(10 * time.Millisecond)
}

func main() {
	const tasks = 4
	results := make([]uint64, tasks)
	for _, procs := range []int{1, runtime.NumCPU()} {
		runtime.GOMAXPROCS(procs)
		computing := timeTasks(tasks, func(i int) { results[i] = spin(300_000_000) })
		waiting := timeTasks(tasks, func(int) { time.Sleep(300 * time.Millisecond) })
		fmt.Printf("GOMAXPROCS=%d: %d computing tasks took %v, %d waiting tasks took %v\n",
			procs, tasks, computing, tasks, waiting)
	}
}
