// Package closebroadcast: the settings are written before a start channel is
// closed, and every worker reads them after its receive sees the close.
package closebroadcast

import "sync"

type Settings struct{ Factor int }

func Run(n int) int {
	var s Settings
	start := make(chan struct{})
	results := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			results[i] = s.Factor * i
		}()
	}
	s.Factor = 10
	close(start)
	wg.Wait()
	sum := 0
	for _, r := range results {
		sum += r
	}
	return sum
}
