// Mutant: moves the loop into one goroutine and waits for it, so the
// fetches still run one after another.
package fetchall

import "sync"

// FetchAll calls fetch once for every url and returns the results in the
// same order as urls.
func FetchAll(urls []string, fetch func(url string) string) []string {
	out := make([]string, len(urls))
	var wg sync.WaitGroup
	wg.Go(func() {
		for i, u := range urls {
			out[i] = fetch(u)
		}
	})
	wg.Wait()
	return out
}
