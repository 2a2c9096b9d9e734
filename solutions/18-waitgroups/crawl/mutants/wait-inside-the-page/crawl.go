// Mutant: every page's goroutine waits on the shared WaitGroup for "its
// children". But it is counted in that WaitGroup itself, so it waits for
// itself: no counter ever reaches zero, and the crawl never ends.
package crawl

import (
	"sync"
	"sync/atomic"
)

// Crawl fetches the page start and every page it links to, and returns how
// many pages it fetched.
func Crawl(start string, fetch func(url string) []string) int {
	var (
		wg    sync.WaitGroup
		pages atomic.Int64
	)
	var visit func(url string)
	visit = func(url string) {
		pages.Add(1)
		for _, link := range fetch(url) {
			wg.Go(func() { visit(link) })
		}
		wg.Wait() // wait for my children
	}
	wg.Go(func() { visit(start) })
	wg.Wait()
	return int(pages.Load())
}
