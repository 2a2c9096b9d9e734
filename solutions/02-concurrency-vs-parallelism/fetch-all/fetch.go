// Package fetchall is about work that waits.
//
// A fetch over a network spends almost all its time waiting for the other
// side, not computing. A goroutine that waits does not hold a processor (a
// P), so any number of such waits can overlap, even with GOMAXPROCS=1.
package fetchall

import "sync"

// FetchAll calls fetch once for every url and returns the results in the
// same order as urls: result i is fetch(urls[i]).
//
// fetch is slow because it waits, not because it computes. FetchAll must
// start every fetch before it waits for any of them, so that all the waits
// overlap and FetchAll takes as long as the slowest fetch, not as long as
// all of them one after another. fetch is safe to call from several
// goroutines at once.
func FetchAll(urls []string, fetch func(url string) string) []string {
	out := make([]string, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Go(func() { out[i] = fetch(u) }) // out[i] is this goroutine's alone
	}
	wg.Wait()
	return out
}
